package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * The tables, views and sequences in scope and the publications that cover them, read in one
 * set-based statement whatever their number: per property, how many have it and the first
 * {@link Finding#MAX_OBJECTS} names, sorted. The scope is computed once and shared by both parts;
 * on a fresh backend, planning and first catalog reads are most of a query's cost.
 *
 * @param tables          tables and partitioned tables that are not partitions (what a publication lists)
 * @param relations       tables, partitions, views, materialised views and foreign tables
 * @param unreadable      relations and sequences the user may not SELECT
 * @param noIdentity      tables without a primary key and REPLICA IDENTITY DEFAULT, or with NOTHING
 * @param badIdentityIndex tables with REPLICA IDENTITY USING INDEX on an invalid or missing index
 * @param notOwned        tables the user does not own (a FOR TABLE publication needs ownership)
 * @param schemas         the schemas in scope
 * @param publications    the database's publications, when incremental sync is inspected
 */
record ScopeTables(long tables, long relations, ObjectList unreadable, ObjectList noIdentity, ObjectList badIdentityIndex,
        ObjectList unlogged, ObjectList partitioned, ObjectList largeObjects, ObjectList notOwned, ObjectList sequences,
        List<String> schemas, List<Publication> publications) {

    /** %1$s scope condition, %2$s MATERIALIZED where the server knows it, %3$s relispartition, %4$s the publications, %5$d cap. */
    private static final String SQL = """
            WITH scope AS %2$s (
              SELECT c.oid, c.relnamespace, c.relkind, c.relpersistence, %3$s AS relispartition, c.relowner,
                     quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                     NOT has_table_privilege(c.oid, 'SELECT') AS unreadable,
                     c.relkind = 'r' AND (c.relreplident = 'n' OR c.relreplident = 'd'
                       AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)) AS no_identity,
                     c.relkind = 'r' AND c.relreplident = 'i'
                       AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident AND i.indisvalid)
                       AS bad_identity_index,
                     CASE WHEN c.relkind IN ('r', 'p') THEN
                       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND (a.atttypid = 'oid'::regtype OR a.atttypid >= 16384
                               AND EXISTS (SELECT FROM pg_type ty WHERE ty.oid = a.atttypid AND ty.typbasetype = 'oid'::regtype)))
                     END AS lo_columns
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND %1$s
            )%4$s
            SELECT count(*) FILTER (WHERE relkind IN ('r', 'p') AND NOT relispartition), count(*) FILTER (WHERE relkind <> 'S'),
                   count(*) FILTER (WHERE unreadable),
                   (array_agg(name ORDER BY name) FILTER (WHERE unreadable))[1:%5$d],
                   count(*) FILTER (WHERE no_identity),
                   (array_agg(name ORDER BY name) FILTER (WHERE no_identity))[1:%5$d],
                   count(*) FILTER (WHERE bad_identity_index),
                   (array_agg(name || E'\\t' || coalesce(
                      (SELECT 'index ' || quote_ident(ic.relname) || ' is not valid' FROM pg_index i
                       JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = scope.oid AND i.indisreplident LIMIT 1),
                      'its replica identity index is gone') ORDER BY name) FILTER (WHERE bad_identity_index))[1:%5$d],
                   count(*) FILTER (WHERE relkind IN ('r', 'p') AND relpersistence = 'u'),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind IN ('r', 'p') AND relpersistence = 'u'))[1:%5$d],
                   count(*) FILTER (WHERE relkind = 'p' AND NOT relispartition),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind = 'p' AND NOT relispartition))[1:%5$d],
                   count(*) FILTER (WHERE lo_columns IS NOT NULL),
                   (array_agg(name || E'\\tcolumns ' || lo_columns ORDER BY name) FILTER (WHERE lo_columns IS NOT NULL))[1:%5$d],
                   count(*) FILTER (WHERE relkind IN ('r', 'p') AND NOT relispartition AND NOT pg_has_role(relowner, 'USAGE')),
                   (array_agg(name ORDER BY name)
                      FILTER (WHERE relkind IN ('r', 'p') AND NOT relispartition AND NOT pg_has_role(relowner, 'USAGE')))[1:%5$d],
                   count(*) FILTER (WHERE relkind = 'S'),
                   (array_agg(name ORDER BY name) FILTER (WHERE relkind = 'S'))[1:%5$d],
                   (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n WHERE %1$s),
                   %6$s
            FROM scope""";

    /** Per publication, how it covers the top-level tables of the scope. */
    private static final String PUBLICATIONS = """
            , publications AS (
              SELECT p.pubname AS name, p.puballtables AS all_tables, p.pubinsert AS inserts, p.pubupdate AS updates,
                     p.pubdelete AS deletes, %1$s AS truncates, %2$s AS via_root,
                     count(x.name) FILTER (WHERE x.covered) AS covered,
                     count(x.name) FILTER (WHERE NOT x.covered) AS missing_count,
                     (array_agg(x.name ORDER BY x.name) FILTER (WHERE NOT x.covered))[1:%5$d] AS missing,
                     count(x.name) FILTER (WHERE x.partial) AS partial_count,
                     (array_agg(x.name ORDER BY x.name) FILTER (WHERE x.partial))[1:%5$d] AS partial,
                     count(x.name) FILTER (WHERE x.covered AND x.relkind = 'p') AS partitioned,
                     (array_agg(x.name ORDER BY x.name) FILTER (WHERE x.covered AND x.no_identity))[1:%5$d] AS without_identity
              FROM pg_publication p
              LEFT JOIN LATERAL (
                SELECT s.name, s.relkind, s.no_identity,
                       p.puballtables OR EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = s.oid)%3$s
                         AS covered,
                       %4$s AS partial
                FROM scope s WHERE s.relkind IN ('r', 'p') AND NOT s.relispartition) x ON true
              GROUP BY p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete
              ORDER BY p.pubname
              LIMIT %6$d
            )""";

    /** @param incremental whether to read the publications too (only servers that decode have them) */
    static CatalogBatch.Query query(Subject subject, boolean incremental) {
        String scope = ScopePredicate.sql(subject.schemaName());
        String sql = SQL.formatted(scope, subject.atLeast(12) ? "MATERIALIZED" : "",
                subject.decodes() ? "c.relispartition" : "false", incremental ? publications(subject) : "",
                Finding.MAX_OBJECTS, incremental ? "(SELECT json_agg(p) FROM publications p)" : "NULL::json");
        return ScopePredicate.query(sql, subject.schemaName(), 2);
    }

    private static String publications(Subject subject) {
        String inSchema = subject.atLeast(15)
                ? "\n             OR EXISTS (SELECT FROM pg_publication_namespace pn "
                        + "WHERE pn.pnpubid = p.oid AND pn.pnnspid = s.relnamespace)"
                : "";
        String partial = subject.atLeast(15)
                ? "EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = s.oid "
                        + "AND (r.prattrs IS NOT NULL OR r.prqual IS NOT NULL))"
                : "false";
        return PUBLICATIONS.formatted(subject.atLeast(11) ? "bool_and(p.pubtruncate)" : "true",
                subject.atLeast(13) ? "bool_and(p.pubviaroot)" : "false", inSchema, partial, Finding.MAX_OBJECTS,
                Publication.MAX_READ);
    }

    static ScopeTables read(ResultSet row) throws SQLException {
        row.next();
        List<Publication> publications = new ArrayList<>();
        for (JsonNode publication : CatalogJson.rows(row, 20)) {
            publications.add(Publication.of(publication));
        }
        return new ScopeTables(row.getLong(1), row.getLong(2), ObjectList.read(row, 3), ObjectList.read(row, 5),
                ObjectList.read(row, 7), ObjectList.read(row, 9), ObjectList.read(row, 11), ObjectList.read(row, 13),
                ObjectList.read(row, 15), ObjectList.read(row, 17), ObjectList.strings(row, 19), publications);
    }
}
