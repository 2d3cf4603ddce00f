package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * A replication slot of the server: slots of every database count against max_replication_slots,
 * those of the source's database are the ones its projects may use or leave behind.
 *
 * @param retainedBytes WAL the slot holds on the server's disk; -1 when the server cannot tell
 * @param walStatus     reserved, extended, unreserved or lost (PostgreSQL 13 and later), else null
 * @param inactiveSince when it was last released (PostgreSQL 17 and later), else null
 */
record Slot(String name, String database, String plugin, boolean logical, boolean active, boolean temporary,
        long retainedBytes, String walStatus, OffsetDateTime inactiveSince) {

    /** More slots than this on one server are summarised by the counts of {@link ServerSettings}. */
    static final int MAX_READ = 500;

    static CatalogBatch.Query query(Subject subject) {
        String walStatus = subject.atLeast(13) ? "wal_status" : "NULL::text";
        String inactiveSince = subject.atLeast(17) ? "inactive_since" : "NULL::timestamptz";
        return CatalogBatch.Query.of("""
                SELECT slot_name, database, plugin, slot_type = 'logical', active, temporary,
                       coalesce(pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
                                                     ELSE pg_current_wal_insert_lsn() END, restart_lsn), -1)::bigint,
                       %s, %s
                FROM pg_replication_slots
                ORDER BY coalesce(database = current_database(), false) DESC, active, 7 DESC, slot_name
                LIMIT %d""".formatted(walStatus, inactiveSince, MAX_READ));
    }

    static List<Slot> read(ResultSet rows) throws SQLException {
        List<Slot> slots = new ArrayList<>();
        while (rows.next()) {
            slots.add(new Slot(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4), rows.getBoolean(5),
                    rows.getBoolean(6), rows.getLong(7), rows.getString(8), rows.getObject(9, OffsetDateTime.class)));
        }
        return slots;
    }

    boolean lost() {
        return "lost".equals(walStatus);
    }

    /** What is worth knowing about the slot, in a few words. */
    String detail() {
        StringBuilder detail = new StringBuilder(active ? "active" : "inactive");
        if (inactiveSince != null && !active) {
            detail.append(" since ").append(inactiveSince.toLocalDate());
        }
        if (retainedBytes >= 0) {
            detail.append(", retains ").append(Bytes.readable(retainedBytes)).append(" of WAL");
        }
        if (walStatus != null) {
            detail.append(", wal_status ").append(walStatus);
        }
        if (plugin != null && !"pgoutput".equals(plugin)) {
            detail.append(", plugin ").append(plugin);
        }
        if (!logical) {
            detail.append(", physical");
        }
        return detail.toString();
    }
}
