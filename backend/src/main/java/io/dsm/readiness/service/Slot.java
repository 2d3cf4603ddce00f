package io.dsm.readiness.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;

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
    Text detail() {
        List<Text> detail = new ArrayList<>();
        detail.add(active ? Text.of("detail.slot.active")
                : inactiveSince != null ? Text.of("detail.slot.inactiveSince", inactiveSince.toLocalDate().toString())
                : Text.of("detail.slot.inactive"));
        if (retainedBytes >= 0) {
            detail.add(Text.of("detail.slot.retains", Bytes.readable(retainedBytes)));
        }
        if (walStatus != null) {
            detail.add(Text.of("detail.slot.walStatus", walStatus));
        }
        if (plugin != null && !"pgoutput".equals(plugin)) {
            detail.add(Text.of("detail.slot.plugin", plugin));
        }
        if (!logical) {
            detail.add(Text.of("detail.slot.physical"));
        }
        return Words.list(detail);
    }
}
