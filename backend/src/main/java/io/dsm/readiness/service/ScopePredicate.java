package io.dsm.readiness.service;

import java.util.Optional;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * The schemas in scope, as a condition on {@code pg_namespace n}: the data source's schema, or
 * every schema the user can use when none is set (the same rule as the SCHEMA check).
 */
final class ScopePredicate {

    private static final String READABLE_SCHEMAS = """
            n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' \
            AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND has_schema_privilege(n.oid, 'USAGE')""";

    private ScopePredicate() {
    }

    static String sql(Optional<String> schema) {
        return schema.isPresent() ? "n.nspname = ?" : READABLE_SCHEMAS;
    }

    /** The query with the scope's parameter, if it has one, once for each {@code ?} the scope added. */
    static CatalogBatch.Query query(String sql, Optional<String> schema, int scopes) {
        String[] parameters = new String[schema.isPresent() ? scopes : 0];
        java.util.Arrays.fill(parameters, schema.orElse(null));
        return CatalogBatch.Query.of(sql, parameters);
    }
}
