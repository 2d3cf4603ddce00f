package io.dsm.connection.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.postgresql.PGConnection;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.readiness.service.ServerBasics;

/**
 * What the checks need to know about the server. Everything the server already reported at sign-in
 * is taken from there; the rest is read with functions and settings rather than catalog views,
 * because a new backend pays for every view it expands (pg_roles or pg_stat_ssl cost about half a
 * millisecond each on a fresh connection). The one view is pg_roles, for the user's own attributes.
 */
record ServerFacts(String version, int versionNum, boolean inRecovery, String walLevel, boolean superuser,
        boolean mayReplicate, boolean providerReplicationRole, boolean mayCreateInDatabase, String tls, boolean bypassRls,
        int connectionLimit, ServerBasics.PasswordExpiry passwordExpiry) {

    private static final String TLS_OF_THIS_SESSION = """
            (SELECT CASE WHEN a.ssl THEN 'encrypted with ' || a.sslversion || ' (' || a.sslcipher || ')' ELSE 'not encrypted' END
             FROM pg_stat_get_activity(pg_backend_pid()) a)""";
    /** PostgreSQL 9.5 brought BYPASSRLS; Greenplum 6 reports 9.4. */
    private static final int FIRST_ROW_SECURITY_VERSION = 90500;

    /**
     * How to read the facts from this connection; {@code withTls} is false for servers older than 9.5.
     * The user's row of pg_roles is read for every endpoint: its connection limit and its password's
     * expiry stop a standby's sessions as much as a primary's.
     */
    record Reading(boolean superuser, boolean forPrimary, boolean tlsPossible, boolean withTls, int versionNum) {

        static Reading of(Connection connection, boolean forPrimary, boolean tlsPossible, int versionNum) throws SQLException {
            boolean superuser = "on".equals(connection.unwrap(PGConnection.class).getParameterStatus("is_superuser"));
            return new Reading(superuser, forPrimary, tlsPossible, true, versionNum);
        }

        Reading withoutTls() {
            return new Reading(superuser, forPrimary, tlsPossible, false, versionNum);
        }

        CatalogBatch.Query query() {
            String mayReplicate = superuser ? "true" : forPrimary ? "r.rolreplication" : "false";
            String mayCreate = forPrimary ? "has_database_privilege(current_database(), 'CREATE')" : "false";
            // Amazon RDS lets members of rds_replication (rds_superuser is one) replicate without the attribute.
            String providerRole = forPrimary && !superuser
                    ? "coalesce(pg_has_role(current_user, to_regrole('rds_replication'), 'MEMBER'), false)"
                    : "false";
            String tls = !tlsPossible ? "'not encrypted'" : withTls ? TLS_OF_THIS_SESSION : "'encryption unknown'";
            String bypassRls = versionNum >= FIRST_ROW_SECURITY_VERSION ? "r.rolbypassrls" : "false";
            return CatalogBatch.Query.of("SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                    + "pg_is_in_recovery(), current_setting('wal_level'), " + superuser + ", " + mayReplicate + ", " + providerRole
                    + ", " + mayCreate + ", " + tls + ", " + bypassRls + ", r.rolconnlimit, "
                    + "CASE WHEN isfinite(r.rolvaliduntil) THEN extract(epoch FROM r.rolvaliduntil - now())::bigint "
                    + "WHEN r.rolvaliduntil = '-infinity' THEN -1 END, to_char(r.rolvaliduntil, 'YYYY-MM-DD HH24:MI TZ') "
                    + "FROM pg_roles r WHERE r.rolname = current_user");
        }
    }

    static ServerFacts read(ResultSet row) throws SQLException {
        row.next();
        long secondsLeft = row.getLong(12);
        ServerBasics.PasswordExpiry expiry = row.wasNull() ? null : new ServerBasics.PasswordExpiry(secondsLeft, row.getString(13));
        return new ServerFacts(row.getString(1).split(" ")[0], row.getInt(2), row.getBoolean(3), row.getString(4),
                row.getBoolean(5), row.getBoolean(6), row.getBoolean(7), row.getBoolean(8), row.getString(9), row.getBoolean(10),
                row.getInt(11), expiry);
    }

    /** Whether the server will start a WAL sender for this user: otherwise a replication connection only fails. */
    boolean mayStartWalSender() {
        return mayReplicate || providerReplicationRole;
    }

    /** What readiness needs to know, read once here. */
    ServerBasics basics() {
        return new ServerBasics(version, inRecovery, walLevel, superuser, mayReplicate, providerReplicationRole,
                mayCreateInDatabase, bypassRls, connectionLimit, passwordExpiry);
    }
}
