package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * The tables, views and sequences in scope, read in one set-based pass whatever their number:
 * per property, how many have it and the first {@link Finding#MAX_OBJECTS} names, sorted.
 *
 * @param tables          tables and partitioned tables that are not partitions (what a publication lists)
 * @param relations       tables, partitions, views, materialised views and foreign tables
 * @param unreadable      relations and sequences the user may not SELECT
 * @param noIdentity      tables without a primary key and REPLICA IDENTITY DEFAULT, or with NOTHING
 * @param badIdentityIndex tables with REPLICA IDENTITY USING INDEX on an invalid or missing index
 * @param notOwned        tables the user does not own (a FOR TABLE publication needs ownership)
 * @param schemas         the schemas in scope
 */
record ScopeTables(long tables, long relations, ObjectList unreadable, ObjectList noIdentity, ObjectList badIdentityIndex,
        ObjectList unlogged, ObjectList partitioned, ObjectList largeObjects, ObjectList notOwned, ObjectList sequences,
        List<String> schemas) {

    private static final String SQL = """
            WITH scope AS (
              SELECT c.oid, c.relkind, c.relpersistence, c.relreplident, %4$s, c.relowner, c.relnamespace,
                     quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND %1$s
            ), t AS (
              SELECT s.*,
                     s.relkind IN ('r', 'p') AND NOT s.relispartition AS publishable,
                     NOT has_table_privilege(s.oid, 'SELECT') AS unreadable,
                     s.relkind = 'r' AND (s.relreplident = 'n' OR s.relreplident = 'd'
                       AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = s.oid AND i.indisprimary)) AS no_identity,
                     s.relkind = 'r' AND s.relreplident = 'i'
                       AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = s.oid AND i.indisreplident AND i.indisvalid)
                       AS bad_identity_index,
                     CASE WHEN s.relkind IN ('r', 'p') THEN
                       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                        FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
                        WHERE a.attrelid = s.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND (ty.oid = 'oid'::regtype::oid OR ty.typbasetype = 'oid'::regtype::oid)) END AS lo_columns
              FROM scope s
            )
            SELECT count(*) FILTER (WHERE publishable), count(*) FILTER (WHERE relkind <> 'S'),
                   count(*) FILTER (WHERE unreadable),
                   (array_agg(name ORDER BY name) FILTER (WHERE unreadable))[1:%3$d],
                   count(*) FILTER (WHERE no_identity),
                   (array_agg(name || coalesce(E'\\t' || %2$s, '') ORDER BY name) FILTER (WHERE no_identity))[1:%3$d],
                   count(*) FILTER (WHERE bad_identity_index),
                   (array_agg(name || E'\\t' || coalesce(
                      (SELECT 'index ' || quote_ident(ic.relname) || ' is not valid' FROM pg_index i
                       JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = t.oid AND i.indisreplident LIMIT 1),
                      'its replica identity index is gone') ORDER BY name) FILTER (WHERE bad_identity_index))[1:%3$d],
                   count(*) FILTER (WHERE relkind IN ('r', 'p') AND relpersistence = 'u'),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind IN ('r', 'p') AND relpersistence = 'u'))[1:%3$d],
                   count(*) FILTER (WHERE relkind = 'p' AND NOT relispartition),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind = 'p' AND NOT relispartition))[1:%3$d],
                   count(*) FILTER (WHERE lo_columns IS NOT NULL),
                   (array_agg(name || E'\\tcolumns ' || lo_columns ORDER BY name) FILTER (WHERE lo_columns IS NOT NULL))[1:%3$d],
                   count(*) FILTER (WHERE publishable AND NOT pg_has_role(relowner, 'USAGE')),
                   (array_agg(name ORDER BY name) FILTER (WHERE publishable AND NOT pg_has_role(relowner, 'USAGE')))[1:%3$d],
                   count(*) FILTER (WHERE relkind = 'S'),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind = 'S'))[1:%3$d],
                   (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n WHERE %1$s)
            FROM t""";

    /** @param incremental whether to look at publications too (only servers that decode have them) */
    static CatalogBatch.Query query(Subject subject, boolean incremental) {
        String scope = ScopePredicate.sql(subject.schemaName());
        String sql = SQL.formatted(scope, incremental ? publishedBy(subject) : "NULL", Finding.MAX_OBJECTS,
                subject.decodes() ? "c.relispartition" : "false AS relispartition");
        return ScopePredicate.query(sql, subject.schemaName(), 2);
    }

    /**
     * Which publications already publish updates or deletes of a table ({@code t}): on such a table
     * without a replica identity, UPDATE and DELETE fail on the source now, not only later.
     */
    private static String publishedBy(Subject subject) {
        // pg_partition_ancestors lists nothing for a table that is not a partition.
        String tableOrAncestor = subject.atLeast(12) ? "(SELECT t.oid UNION ALL SELECT relid FROM pg_partition_ancestors(t.oid))"
                : "(t.oid)";
        String inSchema = subject.atLeast(15)
                ? " OR EXISTS (SELECT FROM pg_publication_namespace pn WHERE pn.pnpubid = p.oid AND pn.pnnspid = t.relnamespace)"
                : "";
        return """
                'published by ' || (SELECT string_agg(quote_ident(p.pubname), ', ' ORDER BY p.pubname) FROM pg_publication p
                  WHERE (p.pubupdate OR p.pubdelete) AND (p.puballtables
                    OR EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid IN %s)%s))
                  || ', so UPDATE and DELETE on it fail now'""".formatted(tableOrAncestor, inSchema);
    }

    static ScopeTables read(ResultSet row) throws SQLException {
        row.next();
        return new ScopeTables(row.getLong(1), row.getLong(2), ObjectList.read(row, 3), ObjectList.read(row, 5),
                ObjectList.read(row, 7), ObjectList.read(row, 9), ObjectList.read(row, 11), ObjectList.read(row, 13),
                ObjectList.read(row, 15), ObjectList.read(row, 17), ObjectList.strings(row, 19));
    }
}
