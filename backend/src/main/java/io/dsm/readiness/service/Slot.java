package io.dsm.readiness.service;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** One element of ServerSettings' json_agg of the server's slots. */
    static Slot of(JsonNode row) {
        String inactiveSince = CatalogJson.text(row, "inactive_since");
        return new Slot(CatalogJson.text(row, "name"), CatalogJson.text(row, "database"), CatalogJson.text(row, "plugin"),
                row.get("logical").asBoolean(), row.get("active").asBoolean(), row.get("temporary").asBoolean(),
                row.get("retained").asLong(), CatalogJson.text(row, "wal_status"),
                inactiveSince == null ? null : OffsetDateTime.parse(inactiveSince));
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
