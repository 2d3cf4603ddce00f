package io.dsm.readiness.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.common.jdbc.SqlIdentifiers;

/**
 * The readiness check publications.heartbeat_table, for connection tests and for the heartbeat
 * writer alike: publications that are not FOR ALL TABLES and leave the heartbeat table out, so that
 * their subscribers get no change event from the beats.
 */
public final class HeartbeatPublications {

    private static final String SQL = """
            SELECT p.pubname FROM pg_publication p
            WHERE NOT p.puballtables
              AND NOT EXISTS (SELECT 1 FROM pg_publication_tables t
                              WHERE t.pubname = p.pubname AND t.schemaname = ? AND t.tablename = ?)
            ORDER BY p.pubname""";

    private HeartbeatPublications() {
    }

    static CatalogBatch.Query query(String schema, String table) {
        return CatalogBatch.Query.of(SQL, schema, table);
    }

    static List<String> read(ResultSet rows) throws SQLException {
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            names.add(rows.getString(1));
        }
        return names;
    }

    /** The publications that leave the heartbeat table out, read on a connection of the heartbeat writer. */
    public static List<String> leavingOut(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        }
    }

    /** What is wrong, in one sentence, or empty when every publication carries the beats. */
    public static Optional<String> problem(List<String> leavingOut, String schema, String table) {
        if (leavingOut.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((leavingOut.size() == 1 ? "Publication " : "Publications ") + String.join(", ", leavingOut)
                + (leavingOut.size() == 1 ? " is" : " are") + " not FOR ALL TABLES and " + (leavingOut.size() == 1 ? "does" : "do")
                + " not include " + qualified(schema, table) + ", so " + (leavingOut.size() == 1 ? "its" : "their")
                + " subscribers get no change events from the beats and an idle source's slot does not advance.");
    }

    /** The statements that add the table to each publication that leaves it out. */
    public static String fix(List<String> leavingOut, String schema, String table) {
        StringBuilder sql = new StringBuilder();
        for (String publication : leavingOut) {
            sql.append("ALTER PUBLICATION ").append(SqlIdentifiers.quote(publication)).append(" ADD TABLE ")
                    .append(qualified(schema, table)).append(";\n");
        }
        return sql.toString().trim();
    }

    private static String qualified(String schema, String table) {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(table);
    }
}
