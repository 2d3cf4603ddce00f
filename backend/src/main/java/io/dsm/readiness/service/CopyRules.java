package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import io.dsm.readiness.ReadinessCheck;

/**
 * What a full migration's copy cannot read in full: rows that row-level security hides from the
 * user, materialized views never populated, views and foreign tables whose SELECT fails, and
 * inheritance parents whose SELECT returns their children's rows too.
 */
final class CopyRules {

    private CopyRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        if (findings.applies(ReadinessCheck.TABLES_ROW_SECURITY)) {
            rowSecurity(facts, findings);
        }
        if (findings.applies(ReadinessCheck.TABLES_MATERIALIZED_VIEWS)) {
            materializedViews(facts, findings);
        }
        if (findings.applies(ReadinessCheck.TABLES_READABLE) && facts.views() != null) {
            readable(facts, findings);
        }
        if (findings.applies(ReadinessCheck.TABLES_INHERITANCE)) {
            inheritance(facts, findings);
        }
    }

    private static void rowSecurity(InspectionFacts facts, Findings findings) {
        String user = facts.userIdentifier();
        if (facts.basics().superuser() || facts.basics().bypassRls()) {
            findings.pass(ReadinessCheck.TABLES_ROW_SECURITY, "User " + user + " is " + (facts.basics().superuser()
                    ? "a superuser" : "BYPASSRLS") + ": row-level security hides no row from it.");
            return;
        }
        ObjectList tables = facts.scope().rowSecurity();
        if (tables.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_ROW_SECURITY, "Row-level security hides no row of the tables in scope from user "
                    + user + ".");
            return;
        }
        // %s is the table's name, in Java's format here and in PostgreSQL's format() in the DO block alike.
        String policy = "CREATE POLICY " + CopyLists.READ_POLICY + " ON %s FOR SELECT TO " + user.replace("%", "%%") + " USING (true)";
        findings.add(ReadinessCheck.TABLES_ROW_SECURITY, BLOCKER, SqlNames.count(tables.total(), "table", "tables")
                + " in scope " + SqlNames.verb(tables.total(), "has", "have") + " row-level security that hides rows from "
                + "user " + user + ", which is neither their owner nor BYPASSRLS (or FORCE ROW LEVEL SECURITY filters the "
                + "owner too): a copy reads only the rows the policies let it see, without an error, and the target "
                + "silently misses the others.",
                "The tables' owner (or a superuser) runs the fix: a policy that lets " + user + " read every row. A "
                        + "RESTRICTIVE policy on reads still filters; drop it or leave the user out of it. Or a superuser "
                        + "runs ALTER ROLE " + user + " BYPASSRLS, which lifts row-level security for the user on every "
                        + "table.",
                TableRules.fixEach(facts, tables, CopyLists.ROW_SECURITY_FIX, policy), tables);
    }

    private static void materializedViews(InspectionFacts facts, Findings findings) {
        ObjectList views = facts.scope().unpopulated();
        if (views.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_MATERIALIZED_VIEWS, "No materialized view in scope is left unpopulated.");
            return;
        }
        findings.add(ReadinessCheck.TABLES_MATERIALIZED_VIEWS, BLOCKER,
                SqlNames.count(views.total(), "materialized view", "materialized views") + " in scope "
                        + SqlNames.verb(views.total(), "has", "have") + " never been populated (created WITH NO DATA, or "
                        + "refreshed WITH NO DATA): reading "
                        + SqlNames.verb(views.total(), "it", "them") + " fails (SQLSTATE 55000), so a full migration stops there.",
                "Their owner (or a superuser) runs the fix. REFRESH runs each view's query and locks the view "
                        + "against reads while it does.",
                TableRules.fixEach(facts, views, CopyLists.UNPOPULATED_LIST, "REFRESH MATERIALIZED VIEW %s"), views);
    }

    private static void readable(InspectionFacts facts, Findings findings) {
        ViewProbe.Result views = facts.views();
        long notTried = views.skipped() + facts.scope().probeCandidates() - views.probed();
        if (!views.failed().isEmpty()) {
            findings.add(ReadinessCheck.TABLES_READABLE, BLOCKER, SqlNames.count(views.failed().total(),
                    "view or foreign table", "views or foreign tables") + " in scope cannot be read: the server refused "
                    + "their SELECT, with the reason given for each, so a full migration stops there.",
                    "A view reads its tables with its owner's privileges: grant them to the owner. A foreign table needs a "
                            + "user mapping for the user and a foreign server that accepts the connection.",
                    null, views.failed());
        }
        if (notTried > 0) {
            findings.add(ReadinessCheck.TABLES_READABLE, INFO, SqlNames.count(notTried, "view or foreign table",
                    "views or foreign tables") + " in scope " + SqlNames.verb(notTried, "was", "were") + " not tried: "
                    + "dsm tries at most " + ViewProbe.MAX_PROBED + " per check, within "
                    + facts.subject().limits().probeBudget().toMillis() + " ms, and passes over one that is locked.",
                    "Raise DSM_READINESS_PROBE_BUDGET to try more per check.", null);
        }
        long foreignLeftOut = facts.scope().foreignLeftOut();
        if (foreignLeftOut > 0) {
            findings.add(ReadinessCheck.TABLES_READABLE, INFO, SqlNames.count(foreignLeftOut, "foreign table", "foreign tables")
                    + " in scope " + SqlNames.verb(foreignLeftOut, "was", "were") + " not tried: before PostgreSQL "
                    + ViewProbe.INTERRUPTIBLE_FOREIGN_CONNECT + " a session cannot be interrupted while it connects to a foreign "
                    + "server, so one that does not answer would hold dsm's test until the network gives up.",
                    "Read each once as the user (SELECT FROM <table> LIMIT 0), and set connect_timeout in the options of its "
                            + "foreign server so that a copy fails fast when the server does not answer.",
                    null);
        }
        if (views.failed().isEmpty() && notTried == 0 && foreignLeftOut == 0) {
            findings.pass(ReadinessCheck.TABLES_READABLE, facts.scope().probeCandidates() == 0
                    ? "No view or foreign table in scope."
                    : "The server answered a SELECT of each of the " + SqlNames.count(facts.scope().probeCandidates(),
                            "view or foreign table", "views and foreign tables") + " in scope.");
        }
    }

    private static void inheritance(InspectionFacts facts, Findings findings) {
        ObjectList parents = facts.scope().legacyParents();
        if (parents.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_INHERITANCE, "No table in scope has inheritance children.");
            return;
        }
        findings.add(ReadinessCheck.TABLES_INHERITANCE, WARNING, SqlNames.count(parents.total(), "table", "tables")
                + " in scope " + SqlNames.verb(parents.total(), "has", "have") + " inheritance children (INHERITS): a plain "
                + "SELECT of a parent also returns the rows of its children, so a copy of the parent and of the "
                + "children copies those rows twice, or into the parent on the target.",
                "Copy each parent with SELECT ... FROM ONLY <parent>, and its children as tables of their own; or turn "
                        + "the hierarchy into declarative partitions.", null, parents);
    }
}
