package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A publication of the source's database and how it covers the tables in scope (read with them,
 * by {@link ScopeTables}).
 *
 * @param covered            tables in scope it publishes
 * @param missing            tables in scope it leaves out
 * @param partial            tables it publishes with a column list or a row filter (PostgreSQL 15 and later)
 * @param partitionedCovered partitioned tables in scope it publishes
 * @param withoutIdentity    tables in scope without a replica identity that it publishes
 */
record Publication(String name, boolean allTables, boolean inserts, boolean updates, boolean deletes, boolean truncates,
        boolean viaRoot, long covered, ObjectList missing, ObjectList partial, long partitionedCovered,
        List<String> withoutIdentity) {

    /** More publications than this in one database are not looked at one by one. */
    static final int MAX_READ = 100;

    /** One element of ScopeTables' json_agg of the publications. */
    static Publication of(JsonNode row) {
        return new Publication(CatalogJson.text(row, "name"), row.get("all_tables").asBoolean(), row.get("inserts").asBoolean(),
                row.get("updates").asBoolean(), row.get("deletes").asBoolean(), row.get("truncates").asBoolean(),
                row.get("via_root").asBoolean(), row.get("covered").asLong(), CatalogJson.objects(row, "missing_count", "missing"),
                CatalogJson.objects(row, "partial_count", "partial"), row.get("partitioned").asLong(),
                CatalogJson.strings(row.get("without_identity")));
    }

    /** Publishes updates or deletes: a table without a replica identity in it refuses UPDATE or DELETE. */
    boolean needsIdentity() {
        return updates || deletes;
    }

    /** Covers every table in scope, each whole. */
    boolean coversAll() {
        return missing.isEmpty() && partial.isEmpty();
    }

    boolean publishesEveryChange() {
        return inserts && updates && deletes && truncates;
    }

    List<String> unpublishedOperations() {
        List<String> missingOperations = new ArrayList<>();
        if (!inserts) {
            missingOperations.add("insert");
        }
        if (!updates) {
            missingOperations.add("update");
        }
        if (!deletes) {
            missingOperations.add("delete");
        }
        if (!truncates) {
            missingOperations.add("truncate");
        }
        return missingOperations;
    }
}
