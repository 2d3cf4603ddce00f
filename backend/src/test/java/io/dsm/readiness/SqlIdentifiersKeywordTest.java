package io.dsm.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.testing.TargetServer;

/**
 * SqlIdentifiers writes names and literals exactly as the server's quote_ident and quote_literal do,
 * on whichever version the build tests against: for every key word the server knows, and for names
 * and values that hold what breaks naive quoting.
 */
class SqlIdentifiersKeywordTest {

    static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each value with what the server's function makes of it. */
    private static List<String[]> serverQuotes(String function, List<String> values) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres",
                "postgres", ""); PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            for (String value : values) {
                statement.setString(1, value);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    pairs.add(new String[] {value, row.getString(1)});
                }
            }
        }
        return pairs;
    }

    private static List<String> keywords() throws SQLException {
        List<String> words = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres",
                "postgres", ""); ResultSet rows = connection.createStatement().executeQuery("SELECT word FROM pg_get_keywords()")) {
            while (rows.next()) {
                words.add(rows.getString(1));
            }
        }
        return words;
    }

    @Test
    void quotesEveryKeywordAsTheServersQuoteIdentDoes() throws SQLException {
        List<String> words = keywords();
        assertThat(words).hasSizeGreaterThan(400);
        for (String[] pair : serverQuotes("quote_ident", words)) {
            assertThat(SqlIdentifiers.quote(pair[0])).as(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void quotesHostileNamesAsTheServersQuoteIdentDoes() throws SQLException {
        List<String> names = new ArrayList<>(FixSqlNamesTest.HOSTILE);
        names.addAll(List.of("plain_name", "price$", "_x1", "Upper", "1st", "ümlaut", "with space", ""));
        for (String[] pair : serverQuotes("quote_ident", names)) {
            assertThat(SqlIdentifiers.quote(pair[0])).as(pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void writesLiteralsAsTheServersQuoteLiteralDoes() throws SQLException {
        List<String> values = List.of("plain", "it's", "back\\slash", "both ' and \\", "tab\there", "$$", "表");
        for (String[] pair : serverQuotes("quote_literal", values)) {
            assertThat(SqlIdentifiers.literal(pair[0])).as(pair[0]).isEqualTo(pair[1]);
        }
    }
}
