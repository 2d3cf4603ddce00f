package io.dsm.readiness.service;

/**
 * The publications part of {@link ScopeTables}' statement, set-based so that its cost grows with the
 * publications' members, not with publications × tables. Coverage is decided over every publication
 * before the list is capped; a publication that touches no table in scope never reaches Java.
 */
final class ScopePublications {

    /**
     * member: (publication, relation of the scope) pairs with the row filter and column list (15+).
     * top: how many tables a complete publication must publish, the permanent top-level tables of the
     * scope's schemas (PostgreSQL refuses unlogged and temporary ones). listed: the publications Java sees,
     * complete and every-change ones first. lacking: the incomplete ones whose missing tables are named.
     * named: the names of the tables a complete publication must publish, sorted once for all lacking ones (a
     * sort per publication cost 28 million instructions on 10,000 tables). missing: the first names a lacking
     * publication leaves out. They lie among the first {@code covered} + {@value Finding#MAX_OBJECTS} names, since
     * at most {@code covered} of those are its members, so only that slice is probed in its hashed member set.
     * A relation's name (schema.table, quoted) is unique, so names stand for relations here.
     */
    private static final String CTES = """
            , member AS (
              SELECT r.prpubid AS pub, r.prrelid AS rel, {prqual} AS prqual, {prattrs} AS prattrs, {publishable} AS top,
                     s.relkind, s.name, s.relreplident, s.identity
              FROM pg_publication_rel r JOIN scope s ON s.oid = r.prrelid{schemaMembers}
            ), top AS (
              SELECT count(*) FILTER (WHERE {publishable}) AS tables,
                     count(*) FILTER (WHERE {publishable} AND s.relkind = 'p') AS partitioned
              FROM scope s
            ), pub AS (
              SELECT p.oid, p.pubname AS name, p.puballtables AS all_tables, p.pubinsert AS inserts, p.pubupdate AS updates,
                     p.pubdelete AS deletes, {truncates} AS truncates, {viaRoot} AS via_root, {generated} AS generated,
                     CASE WHEN p.puballtables THEN (SELECT tables FROM top) ELSE count(DISTINCT m.rel) FILTER (WHERE m.top) END
                       AS covered,
                     CASE WHEN p.puballtables THEN (SELECT partitioned FROM top)
                          ELSE count(DISTINCT m.rel) FILTER (WHERE m.top AND m.relkind = 'p') END AS partitioned,
                     count(DISTINCT m.rel) FILTER (WHERE m.prqual IS NOT NULL OR m.prattrs IS NOT NULL) AS partial_count,
                     p.puballtables OR count(m.rel) > 0 AS touches
              FROM pg_publication p LEFT JOIN member m ON m.pub = p.oid
              GROUP BY p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete
            ), ranked AS (
              SELECT pub.*, pub.covered = (SELECT tables FROM top) AND pub.partial_count = 0 AS complete,
                     pub.inserts AND pub.updates AND pub.deletes AND pub.truncates AS every_change
              FROM pub WHERE pub.touches
            ), listed AS (
              SELECT * FROM ranked ORDER BY complete DESC, every_change DESC, covered DESC, name LIMIT {maxRead}
            ), lacking AS (
              SELECT oid, covered FROM listed WHERE NOT complete AND NOT all_tables ORDER BY every_change DESC, covered DESC, name
              LIMIT {lacking}
            ), named AS {materialized} (
              SELECT array_agg(s.name ORDER BY s.name) AS names FROM scope s WHERE {publishable}
            ), missing AS {materialized} (
              SELECT k.oid AS pub, x.name FROM lacking k CROSS JOIN LATERAL (
                SELECT u.name FROM named n, unnest(n.names[1:k.covered + {maxObjects}]) WITH ORDINALITY AS u(name, position)
                WHERE (k.oid, u.name) NOT IN (SELECT m.pub, m.name FROM member m)
                ORDER BY u.position LIMIT {maxObjects}) x
            ){identityColumns}""";

    /**
     * Which leaves a row filter or column list applies to, as pub_rf_contains_invalid_column and
     * pub_collist_contains_invalid_column decide: the member itself, and with publish_via_partition_root
     * the leaves of a partitioned member, whose columns are matched by name. Only publications of
     * updates or deletes, whose members the server checks on UPDATE and DELETE; PublishedSubset judges.
     * A member that is a table is its own leaf, with the columns member carries; only a partitioned member of a
     * publication via its root reads the scope again for its leaves. Joining the scope for every member read all
     * of it twice more (one join condition with an OR compared 4 members with 10,000 tables).
     */
    private static final String IDENTITY_COLUMNS = """
            , checked AS (
              SELECT p.name AS publication, leaf.name AS "table", m.name AS member, leaf.relreplident AS replica_identity,
                     (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = m.rel
                        AND a.attnum IN (SELECT x.v[1]::int2 FROM regexp_matches(m.prqual::text, ':varattno (\\d+)', 'g') AS x(v)))
                       AS filter_columns,
                     m.prqual::text ~ ':varattno 0 ' AS whole_row, pg_get_expr(m.prqual, m.rel) AS row_filter,
                     (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                      WHERE a.attrelid = m.rel AND a.attnum = ANY (m.prattrs)) AS list_columns,
                     (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_index i
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
                      WHERE leaf.identity = 'ok' AND i.indrelid = leaf.oid
                        AND CASE leaf.relreplident WHEN 'd' THEN i.indisprimary ELSE i.indisreplident END) AS identity_columns
              FROM member m JOIN pub p ON p.oid = m.pub AND (p.updates OR p.deletes)
              CROSS JOIN LATERAL (SELECT m.rel AS oid, m.name, m.relreplident, m.identity WHERE m.relkind = 'r'
                                  UNION ALL
                                  SELECT s.oid, s.name, s.relreplident, s.identity FROM scope s
                                  WHERE p.via_root AND m.relkind = 'p' AND s.relkind = 'r'
                                    AND s.oid IN (SELECT d.oid FROM descendant d WHERE d.root = m.rel)) leaf
              WHERE m.prqual IS NOT NULL OR m.prattrs IS NOT NULL
            )""";

    static final String ANSWERS = """
            (SELECT json_agg(json_build_object('name', l.name, 'all_tables', l.all_tables, 'inserts', l.inserts,
                      'updates', l.updates, 'deletes', l.deletes, 'truncates', l.truncates, 'via_root', l.via_root,
                      'covered', l.covered, 'complete', l.complete, 'partitioned', l.partitioned, 'generated', l.generated,
                      'missing', json_build_object('count', (SELECT tables FROM top) - l.covered, 'objects',
                        (SELECT array_to_json(array_agg(json_build_object('name', x.name, 'detail', {notPublished}) ORDER BY x.name))
                         FROM missing x WHERE x.pub = l.oid)),
                      'partial', json_build_object('count', l.partial_count, 'objects',
                        (SELECT array_to_json(array_agg(json_build_object('name', x.name) ORDER BY x.name))
                         FROM (SELECT DISTINCT m.name FROM member m
                               WHERE m.pub = l.oid AND (m.prqual IS NOT NULL OR m.prattrs IS NOT NULL)
                               ORDER BY m.name LIMIT {maxObjects}) x)))
                    ORDER BY l.complete DESC, l.every_change DESC, l.covered DESC, l.name) FROM listed l) AS publications,
                   (SELECT count(*) FROM ranked) AS touching,
                   {identityAnswer} AS published_subsets""";

    /** At most this many (publication, table) pairs with a row filter or column list reach Java. */
    static final int MAX_SUBSETS = 500;

    private static final String IDENTITY_ANSWER = """
            (SELECT json_agg(c) FROM (SELECT * FROM checked ORDER BY "table", publication LIMIT {maxSubsets}) c)""";

    static final String NO_ANSWERS = "NULL::json AS publications, 0 AS touching, NULL::json AS published_subsets";

    private ScopePublications() {
    }

    static String ctes(Subject subject) {
        boolean filters = subject.atLeast(15);
        return CTES.replace("{prqual}", filters ? "r.prqual" : "NULL::pg_node_tree")
                .replace("{prattrs}", filters ? "r.prattrs::int2[]" : "NULL::int2[]")
                .replace("{schemaMembers}", filters ? """

                          UNION ALL
                          SELECT pn.pnpubid, s.oid, NULL::pg_node_tree, NULL::int2[], {publishable}, s.relkind, s.name,
                                 s.relreplident, s.identity
                          FROM pg_publication_namespace pn
                          JOIN scope s ON s.relnamespace = pn.pnnspid AND s.relkind IN ('r', 'p') AND s.in_schema""" : "")
                .replace("{publishable}", subject.atLeast(13) ? ScopeTables.PUBLISHABLE : ScopeTables.PUBLISHABLE_BEFORE_13)
                .replace("{truncates}", subject.atLeast(11) ? "bool_and(p.pubtruncate)" : "true")
                .replace("{viaRoot}", subject.atLeast(13) ? "bool_and(p.pubviaroot)" : "false")
                // PostgreSQL 18: publish_generated_columns = stored ('s') sends stored generated columns.
                .replace("{generated}", subject.atLeast(18) ? "bool_and(p.pubgencols = 's')" : "false")
                .replace("{materialized}", subject.atLeast(12) ? "MATERIALIZED" : "")
                .replace("{maxRead}", String.valueOf(Publication.MAX_READ))
                .replace("{lacking}", String.valueOf(Publication.MAX_NAMED))
                .replace("{identityColumns}", filters ? IDENTITY_COLUMNS : "")
                .replace("{maxObjects}", String.valueOf(Finding.MAX_OBJECTS));
    }

    static String answers(Subject subject) {
        return ANSWERS.replace("{identityAnswer}", subject.atLeast(15) ? IDENTITY_ANSWER : "NULL::json")
                .replace("{notPublished}", DetailTexts.sql("detail.notPublished"))
                .replace("{maxObjects}", String.valueOf(Finding.MAX_OBJECTS))
                .replace("{maxSubsets}", String.valueOf(MAX_SUBSETS));
    }
}
