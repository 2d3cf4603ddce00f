package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * The server settings, WAL senders, replication slots and what a new slot would wait for, behind the
 * server and slot checks, in one row. Read through functions rather than the pg_replication_slots and pg_stat_replication views: a
 * fresh backend pays for every view it expands.
 *
 * @param walSenderPids   the backends of the WAL senders running now, dsm's own replication check among them
 *                        while it is open
 * @param slotWalKeepSize {@code max_slot_wal_keep_size} as SHOW prints it; empty before PostgreSQL 13
 * @param slots           the server's slots, those of this database first, at most {@link Slot#MAX_READ}
 * @param slotBlockers    what a new slot's creation would wait for: prepared transactions of any database, oldest
 *                        first, then the sessions holding a transaction id, oldest id first (each at most
 *                        {@link Finding#MAX_OBJECTS})
 */
record ServerSettings(int maxReplicationSlots, int slotsUsed, int maxWalSenders, List<Integer> walSenderPids,
        Optional<String> slotWalKeepSize, ManagedService service, List<Slot> slots, List<SlotBlocker> slotBlockers) {

    private static final String SQL = """
            SELECT current_setting('max_replication_slots')::int,
                   (SELECT count(*) FROM pg_get_replication_slots() s WHERE %5$s)::int,
                   current_setting('max_wal_senders')::int, (SELECT array_agg(pid) FROM pg_stat_get_wal_senders()),
                   current_setting('max_slot_wal_keep_size', true), current_setting('rds.logical_replication', true),
                   current_setting('azure.replication_support', true), current_setting('azure.extensions', true),
                   current_setting('cloudsql.logical_decoding', true),
                   (SELECT json_agg(s) FROM (
                      SELECT s.slot_name AS name, d.datname AS database, s.plugin, s.slot_type = 'logical' AS logical, s.active,
                             s.temporary, coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
                                                                       ELSE pg_current_wal_insert_lsn() END, s.restart_lsn), -1)::bigint
                                            AS retained,
                             %1$s AS wal_status, %2$s AS inactive_since
                      FROM pg_get_replication_slots() s LEFT JOIN pg_database d ON d.oid = s.datoid
                      WHERE %5$s
                      ORDER BY d.datname = current_database() DESC NULLS LAST, s.active, 7 DESC, 1
                      LIMIT %3$d) s),
                   (SELECT json_agg(x) FROM (
                      SELECT p.gid, d.datname AS database, p.ownerid::regrole::text AS owner, age(p.transaction) AS xid_age,
                             extract(epoch FROM now() - p.prepared)::bigint AS seconds
                      FROM pg_prepared_xact() p LEFT JOIN pg_database d ON d.oid = p.dbid
                      ORDER BY p.prepared
                      LIMIT %4$d) x),
                   (SELECT json_agg(x) FROM (
                      SELECT a.pid, d.datname AS database, a.usesysid::regrole::text AS role, a.application_name, a.state,
                             age(a.backend_xid) AS xid_age, extract(epoch FROM now() - a.xact_start)::bigint AS seconds
                      FROM pg_stat_get_activity(NULL) a LEFT JOIN pg_database d ON d.oid = a.datid
                      WHERE a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()
                      ORDER BY age(a.backend_xid) DESC
                      LIMIT %4$d) x)""";

    /**
     * dsm's own temporary probe slots (of any dsm instance) live for a few milliseconds while a check's
     * replication connection proves a slot can be created: no one's to count, list or drop.
     */
    private static final String NOT_A_PROBE = "NOT (s.temporary AND s.slot_name LIKE '"
            + SlotProbe.SLOT_PREFIX.replace("_", "\\_") + "%')";

    static CatalogBatch.Query query(Subject subject) {
        return CatalogBatch.Query.of(SQL.formatted(subject.atLeast(13) ? "s.wal_status" : "NULL::text",
                subject.atLeast(17) ? "s.inactive_since" : "NULL::timestamptz", Slot.MAX_READ, Finding.MAX_OBJECTS, NOT_A_PROBE));
    }

    static ServerSettings read(ResultSet row) throws SQLException {
        row.next();
        ManagedService service = ManagedService.recognise(row.getString(6), row.getString(7), row.getString(8), row.getString(9));
        java.sql.Array pids = row.getArray(4);
        List<Integer> walSenders = pids == null ? List.of() : Arrays.stream((Integer[]) pids.getArray()).toList();
        List<Slot> slots = new ArrayList<>();
        for (JsonNode slot : CatalogJson.rows(row, 10)) {
            slots.add(Slot.of(slot));
        }
        List<SlotBlocker> blockers = new ArrayList<>();
        for (JsonNode prepared : CatalogJson.rows(row, 11)) {
            blockers.add(SlotBlocker.prepared(prepared));
        }
        for (JsonNode holder : CatalogJson.rows(row, 12)) {
            blockers.add(SlotBlocker.session(holder));
        }
        return new ServerSettings(row.getInt(1), row.getInt(2), row.getInt(3), walSenders, Optional.ofNullable(row.getString(5)),
                service, slots, blockers);
    }

    int freeSlots() {
        return Math.max(0, maxReplicationSlots - slotsUsed);
    }

    /** @param ownWalSender the backend of dsm's replication check, which is not the project's to count against */
    int freeWalSenders(Optional<Integer> ownWalSender) {
        long busy = walSenderPids.stream().filter(pid -> ownWalSender.isEmpty() || !pid.equals(ownWalSender.get())).count();
        return (int) Math.max(0, maxWalSenders - busy);
    }
}
