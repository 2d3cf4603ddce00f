package io.dsm.connection.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the checks need to know about the server, read in one round trip: once connected, a test's
 * time is mostly round trips.
 */
record ServerFacts(String version, int versionNum, boolean inRecovery, String walLevel, boolean mayReplicate,
        boolean mayCreateInDatabase, String tls) {

    private static final String FACTS = """
            SELECT current_setting('server_version'), current_setting('server_version_num')::int, pg_is_in_recovery(),
                   current_setting('wal_level'),
                   (SELECT r.rolreplication OR r.rolsuper FROM pg_roles r WHERE r.rolname = current_user),
                   has_database_privilege(current_database(), 'CREATE')""";
    private static final String WITH_TLS = FACTS + """
            , (SELECT CASE WHEN s.ssl THEN 'encrypted with ' || s.version || ' (' || s.cipher || ')' ELSE 'not encrypted' END
               FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid())""";

    static ServerFacts read(Connection connection) throws SQLException {
        try {
            return read(connection, true);
        } catch (SQLException noStatSsl) {
            // Servers older than 9.5 (Greenplum 6) have no pg_stat_ssl.
            return read(connection, false);
        }
    }

    private static ServerFacts read(Connection connection, boolean withTls) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(withTls ? WITH_TLS : FACTS)) {
            row.next();
            String tls = withTls ? row.getString(7) : "encryption unknown";
            return new ServerFacts(row.getString(1).split(" ")[0], row.getInt(2), row.getBoolean(3), row.getString(4),
                    row.getBoolean(5), row.getBoolean(6), tls);
        }
    }
}
