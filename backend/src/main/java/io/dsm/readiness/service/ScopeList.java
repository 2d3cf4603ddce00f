package io.dsm.readiness.service;

/**
 * One list of {@link ScopeTables}: the relations of the scope (alias {@code s}) that meet the
 * condition, counted, and the first {@link Finding#MAX_OBJECTS} of them by name with their detail. The
 * condition is also what the DO blocks that fix every such relation loop over, so the list and its
 * fix can never disagree.
 *
 * @param key       the label of the answer's json column and of the list in {@link ScopeTables}
 * @param condition a condition on the columns of {@link ScopeTables#relationsSql}
 * @param detail    text per object, or NULL; evaluated only for the objects listed
 */
record ScopeList(String key, String condition, String detail) {

    /**
     * The answer column: {@code {"count": n, "objects": [{"name": …, "detail": …}]}}. The count is over the
     * scope; the objects come from {@code flagged} ({@link ScopeTables}), the relations some list holds.
     */
    String column() {
        return """
                json_build_object('count', count(*) FILTER (WHERE %2$s), 'objects',
                  (SELECT array_to_json(array_agg(json_build_object('name', s.name, 'detail', %3$s) ORDER BY s.name))
                   FROM (SELECT * FROM flagged s WHERE %2$s ORDER BY s.name LIMIT %4$d) s)) AS %1$s"""
                .formatted(key, condition, detail, Finding.MAX_OBJECTS);
    }
}
