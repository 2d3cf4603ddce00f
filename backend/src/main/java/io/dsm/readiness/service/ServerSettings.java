package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * The server settings and counters behind the server checks, in one row.
 *
 * @param walSendersBusy     WAL senders running, other than dsm's own replication check
 * @param slotWalKeepSize    {@code max_slot_wal_keep_size} as SHOW prints it; empty before PostgreSQL 13
 */
record ServerSettings(int maxReplicationSlots, int slotsUsed, int maxWalSenders, int walSendersBusy,
        Optional<String> slotWalKeepSize, ManagedService service) {

    /** The application name of dsm's replication connection, left out of the busy WAL senders. */
    static final String REPLICATION_CHECK_APPLICATION = ReadinessInspection.REPLICATION_APPLICATION;

    static CatalogBatch.Query query() {
        return CatalogBatch.Query.of("""
                SELECT current_setting('max_replication_slots')::int,
                       (SELECT count(*) FROM pg_replication_slots)::int,
                       current_setting('max_wal_senders')::int,
                       (SELECT count(*) FROM pg_stat_get_wal_senders() w JOIN pg_stat_get_activity(NULL) a ON a.pid = w.pid
                        WHERE a.application_name IS DISTINCT FROM ?)::int,
                       current_setting('max_slot_wal_keep_size', true),
                       current_setting('rds.logical_replication', true),
                       current_setting('azure.replication_support', true),
                       current_setting('azure.extensions', true),
                       current_setting('cloudsql.logical_decoding', true)""",
                REPLICATION_CHECK_APPLICATION);
    }

    static ServerSettings read(ResultSet row) throws SQLException {
        row.next();
        ManagedService service = ManagedService.recognise(row.getString(6), row.getString(7), row.getString(8), row.getString(9));
        return new ServerSettings(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), Optional.ofNullable(row.getString(5)),
                service);
    }

    int freeSlots() {
        return Math.max(0, maxReplicationSlots - slotsUsed);
    }

    int freeWalSenders() {
        return Math.max(0, maxWalSenders - walSendersBusy);
    }
}
