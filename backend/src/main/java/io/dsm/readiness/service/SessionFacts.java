package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.i18n.Text;
import io.dsm.common.jdbc.CatalogBatch;

/**
 * What every session of the project will meet on this endpoint: the settings a session starts with
 * (from the role, the database or the server, and which of them set each), the other sessions that
 * count against the connection limits, and whether the server streams WAL from a primary. It is the
 * first statement of the test's batch, before the batch sets its own statement_timeout, so that
 * each value is the one a new session of the user gets. It reads functions only, no view.
 *
 * @param settings     the settings below, by name, where the server has them
 * @param receivingWal a WAL receiver is running: a standby streaming from its primary
 * @param databaseConnectionLimit the database's CONNECTION LIMIT; -1 for none
 * @param roleSessions     other sessions of the user that its connection limit counts, dsm's own left out
 * @param databaseSessions other sessions in the database that its connection limit counts, dsm's own left out
 * @param scopeSize    the largest table in scope and all of them, read only when a timeout is set; else null
 */
record SessionFacts(Map<String, Setting> settings, boolean receivingWal, int databaseConnectionLimit, long roleSessions,
        long databaseSessions, ScopeSize scopeSize) {

    static final String READ_ONLY = "default_transaction_read_only";
    static final String STATEMENT_TIMEOUT = "statement_timeout";
    static final String IDLE_IN_TRANSACTION_TIMEOUT = "idle_in_transaction_session_timeout";
    static final String TRANSACTION_TIMEOUT = "transaction_timeout";
    static final String FEEDBACK = "hot_standby_feedback";
    static final String STREAMING_DELAY = "max_standby_streaming_delay";
    static final String ARCHIVE_DELAY = "max_standby_archive_delay";
    static final String PRIMARY_SLOT = "primary_slot_name";
    /** The timeouts that end a session's work, in the order findings name them. */
    static final List<String> TIMEOUTS = List.of(STATEMENT_TIMEOUT, IDLE_IN_TRANSACTION_TIMEOUT, TRANSACTION_TIMEOUT);

    /** PostgreSQL 9.6 brought pg_stat_get_wal_receiver(); older servers (Greenplum 6) are not asked. */
    private static final int FIRST_VERSION = 90600;
    /** PostgreSQL 10 tells client backends from WAL senders and background processes. */
    private static final int FIRST_BACKEND_TYPE_VERSION = 100000;
    /**
     * PostgreSQL 12 counts a WAL sender against the role's and the database's connection limits, and refuses one
     * past them (12.22 shown here); the releases of 13 to 17 tested here count regular sessions only.
     */
    static final int LAST_COUNTING_WAL_SENDERS = 12;

    /**
     * pg_show_all_settings() gives each value in its base unit (milliseconds for timeouts) and where
     * it came from: "database user", "user", "database", "configuration file", "default". The scope's
     * size is a scalar subquery under CASE: it runs only when a timeout makes it worth reading.
     * %1$s the sessions that count, %2$s the scope condition.
     */
    private static final String SQL = """
            SELECT (SELECT json_agg(json_build_object('name', s.name, 'setting', s.setting, 'source', s.source))
                    FROM pg_show_all_settings() s
                    WHERE s.name IN ('default_transaction_read_only', 'statement_timeout', 'idle_in_transaction_session_timeout',
                                     'transaction_timeout', 'hot_standby_feedback', 'max_standby_streaming_delay',
                                     'max_standby_archive_delay', 'primary_slot_name')) AS settings,
                   (SELECT r.pid IS NOT NULL FROM pg_stat_get_wal_receiver() r) AS receiving_wal,
                   d.datconnlimit AS database_connection_limit,
                   count(a.pid) FILTER (WHERE a.usesysid = me.usesysid) AS role_sessions,
                   count(a.pid) FILTER (WHERE a.datid = d.oid) AS database_sessions,
                   CASE WHEN current_setting('statement_timeout') <> '0'
                          OR current_setting('idle_in_transaction_session_timeout') <> '0'
                          OR coalesce(current_setting('transaction_timeout', true), '0') <> '0' THEN
                     (SELECT json_agg(x) FROM (
                        SELECT (array_agg(quote_ident(n.nspname) || '.' || quote_ident(c.relname) ORDER BY c.relpages DESC))[1]
                                 AS largest,
                               coalesce(max(c.relpages), 0) AS largest_pages, coalesce(sum(c.relpages), 0) AS pages
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'm') AND %2$s) x)
                   END AS scope_size
            FROM pg_database d
            CROSS JOIN pg_stat_get_activity(pg_backend_pid()) me
            LEFT JOIN pg_stat_get_activity(NULL) a ON a.pid <> pg_backend_pid()
                 AND a.application_name IS DISTINCT FROM '%3$s'%1$s
                 AND (a.usesysid = me.usesysid OR a.datid = d.oid)
            WHERE d.datname = current_database()
            GROUP BY d.oid, d.datconnlimit""";

    /** A setting as a new session of the user gets it: its value in base units, and where that came from. */
    record Setting(String value, String source) {

        boolean on() {
            return "on".equals(value);
        }

        long number() {
            return Long.parseLong(value);
        }

        /** Where the value came from, in the words of the statement that set it. */
        Text origin() {
            return switch (source) {
                case "database user" -> Text.of("setting.origin.databaseUser");
                case "user" -> Text.of("setting.origin.user");
                case "database" -> Text.of("setting.origin.database");
                case "configuration file" -> Text.of("setting.origin.configurationFile");
                case "default" -> Text.of("setting.origin.default");
                default -> Text.of("setting.origin.other", source);
            };
        }
    }

    /** Heap pages as of the last VACUUM or ANALYZE: an estimate, which is all a timeout can be judged by. */
    record ScopeSize(String largest, long largestPages, long pages) {
    }

    static CatalogBatch.Query query(Subject subject) {
        if (subject.versionNum() < FIRST_VERSION) {
            return CatalogBatch.Query.of("SELECT NULL");
        }
        // What the server counts against connection limits: regular sessions, and on 12 WAL senders too.
        String counted = subject.versionNum() < FIRST_BACKEND_TYPE_VERSION ? ""
                : subject.major() <= LAST_COUNTING_WAL_SENDERS ? "\n     AND a.backend_type IN ('client backend', 'walsender')"
                : "\n     AND a.backend_type = 'client backend'";
        return ScopePredicate.query(SQL.formatted(counted, ScopePredicate.sql(subject.schemaName()),
                ReadinessInspection.REPLICATION_APPLICATION), subject.schemaName(), 1);
    }

    /** The facts, or null from a server too old to be asked. */
    static SessionFacts read(ResultSet row) throws SQLException {
        row.next();
        if (row.getMetaData().getColumnCount() == 1) {
            return null;
        }
        Map<String, Setting> settings = new HashMap<>();
        for (JsonNode setting : CatalogJson.rows(row, 1)) {
            settings.put(CatalogJson.text(setting, "name"),
                    new Setting(CatalogJson.text(setting, "setting"), CatalogJson.text(setting, "source")));
        }
        ScopeSize size = null;
        for (JsonNode node : CatalogJson.rows(row, 6)) {
            size = new ScopeSize(CatalogJson.text(node, "largest"), node.get("largest_pages").asLong(), node.get("pages").asLong());
        }
        return new SessionFacts(settings, row.getBoolean(2), row.getInt(3), row.getLong(4), row.getLong(5), size);
    }

    Optional<Setting> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
