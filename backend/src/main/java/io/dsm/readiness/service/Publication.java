package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A publication of the source's database and how it covers the tables in scope (read with them,
 * by {@link ScopeTables}).
 *
 * @param covered            tables in scope it publishes
 * @param complete           it publishes every table in scope that can be published, each whole
 * @param missing            tables in scope it leaves out (named for the first few incomplete publications only)
 * @param partial            tables it publishes with a column list or a row filter (PostgreSQL 15 and later)
 * @param partitionedCovered partitioned tables in scope it publishes
 * @param generatedColumns   it publishes stored generated columns ({@code publish_generated_columns = stored}, PostgreSQL 18)
 */
record Publication(String name, boolean allTables, boolean inserts, boolean updates, boolean deletes, boolean truncates,
        boolean viaRoot, long covered, boolean complete, ObjectList missing, ObjectList partial, long partitionedCovered,
        boolean generatedColumns) {

    /** More publications than this in one database are not looked at one by one. */
    static final int MAX_READ = 100;

    /** The incomplete publications whose missing tables are named: the first ones of the list. */
    static final int MAX_NAMED = 5;

    /** One element of ScopeTables' json_agg of the publications. */
    static Publication of(JsonNode row) {
        return new Publication(CatalogJson.text(row, "name"), row.get("all_tables").asBoolean(), row.get("inserts").asBoolean(),
                row.get("updates").asBoolean(), row.get("deletes").asBoolean(), row.get("truncates").asBoolean(),
                row.get("via_root").asBoolean(), row.get("covered").asLong(), row.get("complete").asBoolean(),
                ObjectList.of(row.get("missing")), ObjectList.of(row.get("partial")), row.get("partitioned").asLong(),
                row.get("generated").asBoolean());
    }

    /** Covers every table in scope, each whole: decided in SQL over every publication, before any cap. */
    boolean coversAll() {
        return complete;
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
