package io.dsm.readiness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.dsm.testing.LogicalTarget;

/**
 * Running what a finding suggests, as a person would: the fixSql exactly as written, through pgjdbc's
 * extended protocol and through the simple protocol psql uses; and statements as the migration user.
 */
final class FixSql {

    private FixSql() {
    }

    /** Runs the fix as the superuser with the simple query protocol, as psql -c sends it. */
    static void runAsPsqlWould(LogicalTarget target, String database, String fixSql) {
        run(target, database, "postgres", "", "&preferQueryMode=simple", fixSql);
    }

    /** Runs a statement as the migration user, to see what the server lets it do. */
    static void runAsCdc(LogicalTarget target, String database, String sql) {
        run(target, database, LogicalTarget.CDC, LogicalTarget.CDC_PASSWORD, "", sql);
    }

    private static void run(LogicalTarget target, String database, String user, String password, String options, String sql) {
        String url = "jdbc:postgresql://localhost:" + target.port() + "/" + database + "?user=" + user + options;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + ": " + e.getMessage(), e);
        }
    }
}
