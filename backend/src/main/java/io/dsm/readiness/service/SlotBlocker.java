package io.dsm.readiness.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A transaction that a new logical slot waits for: creating one waits until every transaction that
 * held a transaction id when it started has ended, in any database, prepared transactions included.
 *
 * @param gid      the prepared transaction's name, or null for a session
 * @param pid      the session's backend, or null for a prepared transaction
 * @param role     who prepared it, or whose session it is
 * @param xidAge   transactions started since it took its id
 * @param seconds  how long it has run (prepared, or since its session's transaction began); null when the
 *                 server hides another user's transaction start (pg_read_all_stats shows it)
 */
record SlotBlocker(String gid, Integer pid, String database, String role, String applicationName, String state, long xidAge,
        Long seconds) {

    static SlotBlocker prepared(JsonNode row) {
        return new SlotBlocker(CatalogJson.text(row, "gid"), null, CatalogJson.text(row, "database"), CatalogJson.text(row, "owner"),
                null, null, row.get("xid_age").asLong(), row.get("seconds").asLong());
    }

    static SlotBlocker session(JsonNode row) {
        JsonNode seconds = row.get("seconds");
        return new SlotBlocker(null, row.get("pid").asInt(), CatalogJson.text(row, "database"), CatalogJson.text(row, "role"),
                CatalogJson.text(row, "application_name"), CatalogJson.text(row, "state"), row.get("xid_age").asLong(),
                seconds == null || seconds.isNull() ? null : seconds.asLong());
    }

    boolean isPrepared() {
        return gid != null;
    }
}
