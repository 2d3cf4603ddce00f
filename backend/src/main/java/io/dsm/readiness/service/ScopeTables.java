package io.dsm.readiness.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.common.jdbc.RelationPrivileges;

/**
 * The tables, views and sequences in scope and the publications that touch them, read in one
 * set-based statement whatever their number. The scope is the relations of the scope's schemas
 * plus every partition (and inheritance child) of their tables, in whatever schema it lives: one
 * pass over pg_class, shared by every list. Each list is a json column read by its label, so that
 * names reach Java whole, whatever characters they hold.
 *
 * @param tables            tables and partitioned tables of the scope's schemas that are not partitions
 * @param publishable       of those, the ones a publication can list (permanent, not unlogged or temporary)
 * @param relations         tables, partitions, views, materialised views and foreign tables
 * @param lists             the lists of {@link #LISTS}, by key
 * @param schemas           the schemas in scope
 * @param unreadableSchemas the schemas of the relations the user may not SELECT
 * @param largeObjectsExist whether the database has any large object
 * @param publications      the publications that touch a table in scope, complete ones first, at most
 *                          {@link Publication#MAX_READ} (incremental sync only)
 * @param touching          how many publications touch a table in scope
 * @param publishedSubsets  tables in scope published with a row filter or column list by a publication of updates
 *                          or deletes (PostgreSQL 15 and later), at most {@link ScopePublications#MAX_SUBSETS}
 * @param probeCandidates   the views and foreign tables in scope the user may read, which {@link ViewProbe} tries
 *                          (the first {@link ViewProbe#MAX_PROBED}); 0 when there is no probe
 * @param foreignLeftOut    the foreign tables in scope the user may read that the probe leaves out, because the
 *                          server cannot interrupt their connection (before PostgreSQL 17)
 */
record ScopeTables(long tables, long publishable, long relations, Map<String, ObjectList> lists, List<String> schemas,
        List<String> unreadableSchemas, boolean largeObjectsExist, List<Publication> publications, long touching,
        List<PublishedSubset> publishedSubsets, long probeCandidates, long foreignLeftOut) {

    /** A relation of the scope's schemas, or a partition of one of its tables wherever it lives. */
    static final String CHECKED = "(s.in_schema OR s.relispartition)";
    static final String LEAF = "CASE WHEN NOT s.in_schema THEN " + DetailTexts.sql("detail.partitionOf", "s.root_name") + " END";
    /** Identity states in which the server has no replica identity index and the table is not FULL. */
    static final String NO_IDENTITY = "s.identity IN ('none', 'nothing', 'deferrable_pk', 'invalid_pk') AND " + CHECKED;
    static final String BAD_IDENTITY_INDEX = "s.identity IN ('index_unusable', 'index_gone') AND " + CHECKED;
    static final String UNLOGGED = "s.relkind IN ('r', 'p') AND s.relpersistence = 'u' AND " + CHECKED;
    /** Tables whose unchanged TOASTed values an UPDATE leaves out of its decoded row (see {@link #TOASTED}). */
    static final String TOASTED_CONDITION = "s.toasted AND " + CHECKED;
    private static final String TOP = "s.relkind IN ('r', 'p') AND s.in_schema AND NOT s.relispartition";
    /** What CREATE PUBLICATION ... FOR TABLE accepts from PostgreSQL 13: permanent tables, partitioned ones whole. */
    static final String PUBLISHABLE = TOP + " AND s.relpersistence = 'p'";
    /** Before 13 a partitioned table cannot be published: its leaves are, wherever they live. */
    static final String PUBLISHABLE_BEFORE_13 = "s.relkind = 'r' AND s.relpersistence = 'p' AND " + CHECKED;

    private static final String PRIMARY_KEY_NAME = "(SELECT quote_ident(ic.relname) FROM pg_index i "
            + "JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = s.oid AND i.indisprimary LIMIT 1)";
    private static final String IDENTITY_REASON = """
            CASE s.identity WHEN 'nothing' THEN %s
              WHEN 'deferrable_pk' THEN %s
              WHEN 'invalid_pk' THEN %s END""".formatted(DetailTexts.sql("detail.identity.nothing"),
            DetailTexts.sql("detail.identity.deferrablePrimaryKey", PRIMARY_KEY_NAME),
            DetailTexts.sql("detail.identity.invalidPrimaryKey", PRIMARY_KEY_NAME));
    /** The index's faults as a list of details (NULLs left out). */
    private static final String INDEX_PROBLEM = """
            coalesce((SELECT json_build_object('key', 'detail.identityIndex.unusable', 'args', json_build_array(quote_ident(ic.relname),
                        json_build_array(CASE WHEN NOT i.indisvalid THEN {notValid} END, CASE WHEN NOT i.indisunique THEN {notUnique} END,
                        CASE WHEN NOT i.indimmediate THEN {deferrable} END, CASE WHEN i.indpred IS NOT NULL THEN {partial} END,
                        CASE WHEN NOT i.indislive THEN {beingDropped} END,
                        CASE WHEN EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = i.indrelid
                                          AND a.attnum = ANY (i.indkey::int2[]) AND NOT a.attnotnull) THEN {nullable} END)))
                      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = s.oid AND i.indisreplident LIMIT 1),
                     {gone})""".replace("{notValid}", DetailTexts.sql("detail.identityIndex.notValid"))
            .replace("{notUnique}", DetailTexts.sql("detail.identityIndex.notUnique"))
            .replace("{deferrable}", DetailTexts.sql("detail.identityIndex.deferrable"))
            .replace("{partial}", DetailTexts.sql("detail.identityIndex.partial"))
            .replace("{beingDropped}", DetailTexts.sql("detail.identityIndex.beingDropped"))
            .replace("{nullable}", DetailTexts.sql("detail.identityIndex.nullable"))
            .replace("{gone}", DetailTexts.sql("detail.identityIndex.gone"));
    /** The publications of updates or deletes that publish the table, itself or through its root. %s: FOR TABLES IN SCHEMA. */
    private static final String PUBLISHERS = """
            (SELECT json_build_object('key', 'detail.publishedBy', 'args', json_build_array(json_agg(quote_ident(p.pubname)
                    ORDER BY p.pubname)))
             FROM pg_publication p WHERE (p.pubupdate OR p.pubdelete) AND (p.puballtables
               OR EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid
                 AND (r.prrelid = s.oid OR r.prrelid IN (SELECT d.root FROM descendant d WHERE d.oid = s.oid)))%s)
             HAVING count(*) > 0)""";
    private static final String IN_PUBLISHED_SCHEMA = """

               OR EXISTS (SELECT FROM pg_publication_namespace pn WHERE pn.pnpubid = p.oid AND pn.pnnspid = s.relnamespace)""";

    /** A column of type oid, or of a domain over it such as lo: it may point at a large object. */
    private static final String LO_COLUMN = "a.attnum > 0 AND NOT a.attisdropped AND (a.atttypid = 'oid'::regtype "
            + "OR a.atttypid >= 16384 AND EXISTS (SELECT FROM pg_type ty WHERE ty.oid = a.atttypid AND ty.typbasetype = 'oid'::regtype))";

    /**
     * The per-relation columns, the same for the scope's schemas and for partitions elsewhere. identity
     * ({@link #IDENTITY}) is the server's own rule (relcache.c, RelationGetIndexList): only a valid,
     * immediate, unique, non-partial, live index can be the replica identity, a primary key under DEFAULT
     * or the chosen index under USING INDEX; NOT NULL is ALTER TABLE's rule for the chosen index.
     * attributes asks EXISTS first (one index probe per table, or a hashed pass over pg_attribute, as
     * the planner judges) and names the columns only of the few tables that have one.
     */
    private static final String COLUMNS = """
            c.oid, c.relnamespace, c.relkind, c.relpersistence, {relispartition} AS relispartition, c.relowner, c.relreplident,
                     n.nspname::text AS nspname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                     NOT ({canSelect}) AS unreadable, {identity} AS identity,
                     {attributes} AS attributes, {toasted} AS toasted, {rowSecurity} AS row_security,
                     c.relkind = 'm' AND NOT c.relispopulated AS unpopulated, c.relkind = 'r' AND c.relhassubclass AS inherited""";
    /**
     * The columns decoding or a copy treats specially, in one pass over pg_attribute for the tables
     * that have any: [1] large-object columns, [2] stored generated columns (PostgreSQL 12 and later),
     * [3] virtual generated columns (18 and later). EXISTS first, so that only the few tables with such
     * a column pay for the names. Leaves elsewhere skip it: their root's columns are theirs.
     */
    private static final String ATTRIBUTES = """
            CASE WHEN c.relkind IN ('r', 'p') AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND {special})
                       THEN (SELECT ARRAY[string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE {loColumn}),
                                          string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE {stored}),
                                          string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE {virtual})]
                             FROM pg_attribute a WHERE a.attrelid = c.oid AND {special})
                     END""";
    /** Large-object columns of the scope's tables (see {@link #ATTRIBUTES}). */
    static final String LO_COLUMNS = "s.attributes[1]";
    /** Stored generated columns of the scope's tables, which decoding leaves out before PostgreSQL 18. */
    static final String STORED_GENERATED = "s.attributes[2]";
    /** Virtual generated columns (PostgreSQL 18), which decoding never carries. */
    static final String VIRTUAL_GENERATED = "s.attributes[3]";
    /**
     * A table whose identity is not FULL and whose TOAST relation has pages, as of the last VACUUM (which
     * sets relpages): an UPDATE that leaves a TOASTed value unchanged is decoded without it. The TOAST
     * relations with pages are few, so the planner hashes them once (a hashed SubPlan): measured on
     * 10,000 tables it touches 2,300 buffers where a join probing each table's TOAST relation touched 31,000.
     */
    private static final String TOASTED = "c.relkind = 'r' AND c.relreplident <> 'f' AND {toastHasPages}";
    private static final String TOAST_HAS_PAGES = "c.reltoastrelid IN (SELECT t.oid FROM pg_class t WHERE t.relkind = 't' AND t.relpages > 0)";
    private static final String TOAST_HAS_PAGES_PROBED = "coalesce((SELECT true FROM pg_class t WHERE t.oid = c.reltoastrelid "
            + "AND t.relkind = 't' AND t.relpages > 0), false)";
    private static final String FROM = "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace";
    /**
     * EXISTS rather than a join: the planner hashes pg_index once for a large scope and probes its index
     * for a small one. What is wrong with a key that does not count is asked only of the few tables that
     * have one, by index: as EXISTS tests of their own, the planner hashed pg_index twice more, about 60
     * million instructions on 10,000 tables (PostgreSQL 15) for the 500 of them without a usable key.
     */
    private static final String IDENTITY = """
            CASE WHEN c.relkind <> 'r' THEN NULL WHEN c.relreplident = 'f' THEN 'full' WHEN c.relreplident = 'n' THEN 'nothing'
                       WHEN c.relreplident = 'd' THEN CASE
                         WHEN {primaryKeyCounts} THEN 'ok'
                         ELSE coalesce((SELECT CASE WHEN i.indimmediate THEN 'invalid_pk' ELSE 'deferrable_pk' END
                                        FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary LIMIT 1), 'none') END
                       WHEN EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident AND i.indisvalid
                                      AND i.indimmediate AND i.indisunique AND i.indpred IS NULL AND i.indislive
                                      AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = i.indrelid
                                                      AND a.attnum = ANY (i.indkey::int2[]) AND NOT a.attnotnull)) THEN 'ok'
                       ELSE coalesce((SELECT 'index_unusable' FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident LIMIT 1),
                                     'index_gone') END""";
    private static final String PRIMARY_KEY_COUNTS = "EXISTS (SELECT FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary "
            + "AND i.indisvalid AND i.indimmediate AND i.indislive)";
    /** {@link #PRIMARY_KEY_COUNTS} as a scalar subquery, which the planner cannot hash: one index probe per relation. */
    private static final String PRIMARY_KEY_COUNTS_PROBED = "coalesce((SELECT true FROM pg_index i WHERE i.indrelid = c.oid "
            + "AND i.indisprimary AND i.indisvalid AND i.indimmediate AND i.indislive LIMIT 1), false)";

    /**
     * The scope, as CTE {@code scope}: the relations of the scope's schemas ({@code in_schema}) and the
     * descendants of their tables in other schemas, each of those with the in-scope table at the top of
     * its tree ({@code root}, {@code root_name}; {@code descendant} has it for every descendant). scope
     * is materialised too, although that copies the rows once: inlined, each of its twenty-odd readers
     * (every list, the publications) plans the union of both parts again: planning took 18-22 ms in a
     * fresh backend, the one every test opens, and 8-11 ms in a warm one, against 10-11 and 5 ms
     * materialised (best of 20 backends each, PostgreSQL 15, 10,000 tables of bench/sql/readiness-setup.sql).
     */
    private static final String RELATIONS = """
            WITH RECURSIVE base AS {materialized} (
              SELECT {baseColumns}, true AS in_schema
              FROM {from}
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND {scope}
            ), tree AS (
              SELECT i.inhrelid AS oid, b.oid AS root, b.name AS root_name
              FROM pg_inherits i JOIN base b ON b.oid = i.inhparent
              WHERE b.relkind IN ('r', 'p') AND NOT b.relispartition
              UNION ALL
              SELECT i.inhrelid, t.root, t.root_name FROM pg_inherits i JOIN tree t ON t.oid = i.inhparent
            ), descendant AS (
              SELECT DISTINCT ON (oid) oid, root, root_name FROM tree ORDER BY oid
            ), outside AS {materialized} (
              SELECT {leafColumns}, false AS in_schema, d.root, d.root_name
              FROM descendant d JOIN {from} ON c.oid = d.oid
              WHERE NOT EXISTS (SELECT FROM base b WHERE b.oid = d.oid)
            ), scope AS {materialized} (
              SELECT b.*, NULL::oid AS root, NULL::text AS root_name FROM base b
              UNION ALL
              SELECT * FROM outside
            )""";

    /** The lists, in answer order. Other checks add theirs here. */
    static List<ScopeList> lists(boolean incremental, Subject subject) {
        String publishers = incremental ? PUBLISHERS.formatted(subject.atLeast(15) ? IN_PUBLISHED_SCHEMA : "") : "NULL";
        List<ScopeList> lists = new ArrayList<>(List.of(
                new ScopeList("unreadable", "s.unreadable AND " + CHECKED, LEAF),
                new ScopeList("no_identity", NO_IDENTITY, DetailTexts.sqlParts(IDENTITY_REASON, LEAF, publishers)),
                new ScopeList("bad_identity_index", BAD_IDENTITY_INDEX, DetailTexts.sqlParts(INDEX_PROBLEM, LEAF)),
                new ScopeList("unlogged", UNLOGGED, LEAF),
                new ScopeList("partitioned", "s.relkind = 'p' AND s.in_schema AND NOT s.relispartition", "NULL"),
                new ScopeList("large_objects", LO_COLUMNS + " IS NOT NULL AND s.in_schema", DetailTexts.sql("detail.largeObjectColumns", LO_COLUMNS)),
                new ScopeList("not_owned", TOP + " AND NOT pg_has_role(s.relowner, 'USAGE')", "NULL"),
                new ScopeList("sequences", "s.relkind = 'S'", "NULL"),
                new ScopeList("generated", STORED_GENERATED + " IS NOT NULL AND s.in_schema",
                        DetailTexts.sql("detail.generatedColumns", STORED_GENERATED)),
                new ScopeList("virtual_generated", VIRTUAL_GENERATED + " IS NOT NULL AND s.in_schema",
                        DetailTexts.sql("detail.virtualGeneratedColumns", VIRTUAL_GENERATED)),
                new ScopeList("toasted", TOASTED_CONDITION, LEAF)));
        lists.addAll(CopyLists.lists(subject));
        return lists;
    }

    /**
     * The relations at least one list holds, and the views and foreign tables {@link ViewProbe} picks from, for
     * them to pick their first objects from: scanning the whole scope once per list cost 225 million instructions
     * on 10,000 tables, most of which hold nothing to list.
     */
    private static final String FLAGGED = """
            , flagged AS {materialized} (
              SELECT * FROM scope s WHERE {conditions}
            )""";

    private static final String SQL = """
            {relations}{publications}{flagged}
            SELECT count(*) FILTER (WHERE %1$s) AS tables, count(*) FILTER (WHERE %2$s) AS publishable,
                   count(*) FILTER (WHERE s.relkind <> 'S' AND %3$s) AS relations,
                   {lists},
                   (SELECT json_agg(n.nspname ORDER BY n.nspname) FROM pg_namespace n WHERE {scope}) AS schemas,
                   (SELECT json_agg(DISTINCT u.nspname) FROM flagged u WHERE u.unreadable AND (u.in_schema OR u.relispartition))
                     AS unreadable_schemas,
                   EXISTS (SELECT FROM pg_largeobject_metadata) AS large_objects_exist,
                   {probe},
                   {answers}
            FROM scope s""".formatted(TOP, PUBLISHABLE, CHECKED);

    /** The scope as one query of its relations, for the DO blocks that fix every relation of a list. */
    static String relationsSql(Subject subject, String schemaCondition) {
        return relations(subject, schemaCondition) + "\nSELECT * FROM scope";
    }

    private static String relations(Subject subject, String schemaCondition) {
        return RELATIONS.replace("{materialized}", subject.atLeast(12) ? "MATERIALIZED" : "")
                .replace("{baseColumns}", columns(subject, false).replace("{attributes}", attributes(subject)))
                // Large objects and generated columns are findings of the scope's schemas only: leaves elsewhere skip the pass.
                .replace("{leafColumns}", columns(subject, true).replace("{attributes}", "NULL::text[]"))
                .replace("{from}", FROM).replace("{scope}", schemaCondition);
    }

    /**
     * @param probed whether the relations are few (the descendants outside the scope's schemas), so that the
     *     tests the planner would hash over the whole catalogue, pg_index and pg_class, probe an index per
     *     relation instead: hashing them again for the 100 partitions elsewhere of bench/sql/readiness-setup.sql
     *     cost about 60 million instructions (PostgreSQL 15).
     */
    private static String columns(Subject subject, boolean probed) {
        return COLUMNS.replace("{relispartition}", subject.decodes() ? "c.relispartition" : "false").replace("{identity}", IDENTITY)
                .replace("{primaryKeyCounts}", probed ? PRIMARY_KEY_COUNTS_PROBED : PRIMARY_KEY_COUNTS)
                .replace("{canSelect}", RelationPrivileges.canSelect("c")).replace("{toasted}", TOASTED)
                .replace("{toastHasPages}", probed ? TOAST_HAS_PAGES_PROBED : TOAST_HAS_PAGES)
                .replace("{rowSecurity}", CopyLists.rowSecurity(subject));
    }

    private static String attributes(Subject subject) {
        String stored = subject.atLeast(12) ? "a.attgenerated = 's'" : "false";
        String virtual = subject.atLeast(18) ? "a.attgenerated = 'v'" : "false";
        String generated = subject.atLeast(12) ? "a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> ''" : "false";
        return ATTRIBUTES.replace("{special}", "(" + LO_COLUMN + " OR " + generated + ")").replace("{loColumn}", LO_COLUMN)
                .replace("{stored}", stored).replace("{virtual}", virtual);
    }

    /** @param incremental whether to read the publications too (only servers that decode have them) */
    static CatalogBatch.Query query(Subject subject, boolean incremental) {
        String scope = ScopePredicate.sql(subject.schemaName());
        List<ScopeList> scopeLists = lists(incremental, subject);
        String lists = String.join(",\n       ", scopeLists.stream().map(ScopeList::column).toList());
        String flagged = FLAGGED.replace("{materialized}", subject.atLeast(12) ? "MATERIALIZED" : "").replace("{conditions}",
                String.join("\n     OR ", scopeLists.stream().map(list -> "(" + list.condition() + ")").toList())
                        + "\n     OR s.relkind IN ('v', 'f')");
        String sql = SQL.replace("{relations}", relations(subject, scope))
                .replace("{publications}", incremental ? ScopePublications.ctes(subject) : "").replace("{flagged}", flagged)
                .replace("{lists}", lists).replace("{probe}", ViewProbe.scopeColumns(subject)).replace("{scope}", scope)
                .replace("{answers}", incremental ? ScopePublications.answers(subject) : ScopePublications.NO_ANSWERS);
        return ScopePredicate.query(sql, subject.schemaName(), 2);
    }

    static ScopeTables read(ResultSet row) throws SQLException {
        row.next();
        Map<String, ObjectList> lists = new LinkedHashMap<>();
        for (ScopeList list : lists(false, null)) {
            lists.put(list.key(), ObjectList.of(CatalogJson.column(row, list.key())));
        }
        List<Publication> publications = new ArrayList<>();
        for (JsonNode publication : CatalogJson.rows(row, "publications")) {
            publications.add(Publication.of(publication));
        }
        List<PublishedSubset> subsets = new ArrayList<>();
        for (JsonNode subset : CatalogJson.rows(row, "published_subsets")) {
            subsets.add(PublishedSubset.of(subset));
        }
        return new ScopeTables(row.getLong("tables"), row.getLong("publishable"), row.getLong("relations"), lists,
                CatalogJson.strings(CatalogJson.column(row, "schemas")),
                CatalogJson.strings(CatalogJson.column(row, "unreadable_schemas")), row.getBoolean("large_objects_exist"),
                publications, row.getLong("touching"), subsets, row.getLong("probe_candidates"), row.getLong("foreign_left_out"));
    }

    private ObjectList list(String key) {
        return lists.getOrDefault(key, ObjectList.NONE);
    }

    ObjectList unreadable() {
        return list("unreadable");
    }

    ObjectList noIdentity() {
        return list("no_identity");
    }

    ObjectList badIdentityIndex() {
        return list("bad_identity_index");
    }

    ObjectList unlogged() {
        return list("unlogged");
    }

    ObjectList partitioned() {
        return list("partitioned");
    }

    ObjectList largeObjects() {
        return list("large_objects");
    }

    ObjectList notOwned() {
        return list("not_owned");
    }

    ObjectList sequences() {
        return list("sequences");
    }

    ObjectList generated() {
        return list("generated");
    }

    ObjectList virtualGenerated() {
        return list("virtual_generated");
    }

    ObjectList toasted() {
        return list("toasted");
    }

    ObjectList rowSecurity() {
        return list("row_security");
    }

    ObjectList unpopulated() {
        return list("unpopulated");
    }

    ObjectList legacyParents() {
        return list("legacy_parents");
    }
}
