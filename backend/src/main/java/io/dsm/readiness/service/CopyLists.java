package io.dsm.readiness.service;

import java.util.List;

/**
 * The lists of {@link ScopeTables} behind {@link CopyRules}: what a full migration's copy reads
 * differently from what the tables hold. Each is a column of the scope's one pass over pg_class.
 */
final class CopyLists {

    /** PostgreSQL 9.5 brought row-level security. */
    private static final int FIRST_ROW_SECURITY_VERSION = 90500;

    /** A policy that filters the user's reads: for SELECT or ALL, to PUBLIC (0) or a role whose privileges the user has. */
    private static final String POLICY_APPLIES = "p.polcmd IN ('r', '*') AND EXISTS (SELECT FROM unnest(p.polroles) r "
            + "WHERE CASE WHEN r = 0 THEN true ELSE pg_has_role(r, 'USAGE') END)";

    /**
     * Whether row-level security hides rows of the table from the user, as check_enable_rls decides: it is
     * on and the user is not the owner (ownership counts through membership), or FORCE applies it to the
     * owner too. A superuser or BYPASSRLS user is never filtered, which {@link CopyRules} knows. A
     * permissive policy that lets the user read every row, with no restrictive policy on its reads
     * (PostgreSQL 10 and later), hides nothing: that is the fix {@link CopyRules} offers. Only tables can
     * have row security.
     */
    private static final String ROW_SECURITY = """
            c.relkind IN ('r', 'p') AND c.relrowsecurity AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE'))
                       AND NOT (EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND {permissive} AND {applies}
                                          AND pg_get_expr(p.polqual, p.polrelid) = 'true')
                                AND NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND NOT {permissive} AND {applies}))"""
            .replace("{applies}", POLICY_APPLIES);
    private static final String ROW_SECURITY_DETAIL = """
            json_build_array((SELECT CASE WHEN t.relforcerowsecurity AND pg_has_role(t.relowner, 'USAGE')
                                           THEN {forced} ELSE {ownedBy} END FROM pg_class t WHERE t.oid = s.oid),
                      (SELECT {policies} FROM pg_policy p WHERE p.polrelid = s.oid AND {applies}), {leaf})"""
            .replace("{forced}", DetailTexts.sql("detail.rowSecurity.forced"))
            .replace("{ownedBy}", DetailTexts.sql("detail.rowSecurity.ownedBy", "t.relowner::regrole::text"))
            .replace("{policies}", DetailTexts.sql("detail.rowSecurity.policies", "count(*)"))
            .replace("{applies}", POLICY_APPLIES).replace("{leaf}", ScopeTables.LEAF);

    /** A table with legacy inheritance children (relhassubclass may outlive them, so pg_inherits decides). */
    static final String LEGACY_PARENT = "s.inherited AND s.in_schema AND EXISTS (SELECT FROM pg_inherits i WHERE i.inhparent = s.oid)";
    private static final String CHILD = "quote_ident(cn.nspname) || '.' || quote_ident(cc.relname)";
    private static final String LEGACY_CHILDREN = """
            (SELECT json_build_object('key', 'detail.inheritanceChildren', 'args', json_build_array(count(*),
                      to_json((array_agg({child} ORDER BY {child}))[1:3]), greatest(count(*) - 3, 0)))
             FROM pg_inherits i JOIN pg_class cc ON cc.oid = i.inhrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
             WHERE i.inhparent = s.oid)""".replace("{child}", CHILD);

    static final String ROW_SECURITY_LIST = "s.row_security AND " + ScopeTables.CHECKED;
    /** The policy {@link CopyRules} offers as the fix, one per table. */
    static final String READ_POLICY = "dsm_migration_read";
    /**
     * The tables the fix's DO block gives the policy. Whoever runs it is not the migration user, so it
     * cannot ask whose privileges apply: every table in scope with row security and no such policy yet.
     */
    static final String ROW_SECURITY_FIX = "s.relkind IN ('r', 'p') AND " + ScopeTables.CHECKED
            + " AND EXISTS (SELECT FROM pg_class t WHERE t.oid = s.oid AND t.relrowsecurity)"
            + " AND NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = s.oid AND p.polname = '" + READ_POLICY + "')";
    static final String UNPOPULATED_LIST = "s.unpopulated";

    private CopyLists() {
    }

    /** @param subject null when only the keys matter (reading the answer) */
    static List<ScopeList> lists(Subject subject) {
        boolean rowSecurity = subject == null || subject.versionNum() >= FIRST_ROW_SECURITY_VERSION;
        return List.of(
                new ScopeList("row_security", ROW_SECURITY_LIST, rowSecurity ? ROW_SECURITY_DETAIL : "NULL"),
                new ScopeList("unpopulated", UNPOPULATED_LIST, "NULL"),
                new ScopeList("legacy_parents", LEGACY_PARENT, LEGACY_CHILDREN));
    }

    /** The column row_security of the scope's relations: false on servers without row-level security. */
    static String rowSecurity(Subject subject) {
        if (subject.versionNum() < FIRST_ROW_SECURITY_VERSION) {
            return "false";
        }
        // Before PostgreSQL 10 every policy is permissive.
        return ROW_SECURITY.replace("{permissive}", subject.decodes() ? "p.polpermissive" : "true");
    }
}
