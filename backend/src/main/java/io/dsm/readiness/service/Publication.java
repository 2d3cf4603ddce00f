package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.dsm.common.jdbc.CatalogBatch;

/**
 * A publication of the source's database and how it covers the tables in scope.
 *
 * @param covered            tables in scope it publishes
 * @param missing            tables in scope it leaves out
 * @param partial            tables it publishes with a column list or a row filter (PostgreSQL 15 and later)
 * @param partitionedCovered partitioned tables in scope it publishes
 */
record Publication(String name, boolean allTables, boolean inserts, boolean updates, boolean deletes, boolean truncates,
        boolean viaRoot, long covered, ObjectList missing, ObjectList partial, long partitionedCovered) {

    /** More publications than this in one database are not looked at one by one. */
    static final int MAX_READ = 100;

    private static final String SQL = """
            WITH scope AS (
              SELECT c.oid, c.relkind, c.relnamespace, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND %1$s
            )
            SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, %2$s, %3$s,
                   count(x.oid) FILTER (WHERE x.covered),
                   count(x.oid) FILTER (WHERE NOT x.covered),
                   (array_agg(x.name ORDER BY x.name) FILTER (WHERE NOT x.covered))[1:%6$d],
                   count(x.oid) FILTER (WHERE x.partial),
                   (array_agg(x.name ORDER BY x.name) FILTER (WHERE x.partial))[1:%6$d],
                   count(x.oid) FILTER (WHERE x.covered AND x.relkind = 'p')
            FROM pg_publication p
            LEFT JOIN LATERAL (
              SELECT s.oid, s.relkind, s.name,
                     p.puballtables OR EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = s.oid)%4$s
                       AS covered,
                     %5$s AS partial
              FROM scope s) x ON true
            GROUP BY p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete
            ORDER BY p.pubname
            LIMIT %7$d""";

    static CatalogBatch.Query query(Subject subject) {
        String truncates = subject.atLeast(11) ? "bool_and(p.pubtruncate)" : "true";
        String viaRoot = subject.atLeast(13) ? "bool_and(p.pubviaroot)" : "false";
        String inSchema = subject.atLeast(15)
                ? "\n         OR EXISTS (SELECT FROM pg_publication_namespace pn WHERE pn.pnpubid = p.oid AND pn.pnnspid = s.relnamespace)"
                : "";
        String partial = subject.atLeast(15)
                ? "EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid AND r.prrelid = s.oid "
                        + "AND (r.prattrs IS NOT NULL OR r.prqual IS NOT NULL))"
                : "false";
        String sql = SQL.formatted(ScopePredicate.sql(subject.schemaName()), truncates, viaRoot, inSchema, partial,
                Finding.MAX_OBJECTS, MAX_READ);
        return ScopePredicate.query(sql, subject.schemaName(), 1);
    }

    static List<Publication> read(ResultSet rows) throws SQLException {
        List<Publication> publications = new ArrayList<>();
        while (rows.next()) {
            publications.add(new Publication(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3), rows.getBoolean(4),
                    rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7), rows.getLong(8), ObjectList.read(rows, 9),
                    ObjectList.read(rows, 11), rows.getLong(13)));
        }
        return publications;
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
