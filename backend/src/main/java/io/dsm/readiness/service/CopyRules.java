package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import io.dsm.common.i18n.Text;
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
            findings.pass(ReadinessCheck.TABLES_ROW_SECURITY, Text.of(facts.basics().superuser() ? "copy.rowSecurity.superuser"
                    : "copy.rowSecurity.bypassRls", user));
            return;
        }
        ObjectList tables = facts.scope().rowSecurity();
        if (tables.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_ROW_SECURITY, Text.of("copy.rowSecurity.passed", user));
            return;
        }
        // %s is the table's name, in Java's format here and in PostgreSQL's format() in the DO block alike.
        String policy = "CREATE POLICY " + CopyLists.READ_POLICY + " ON %s FOR SELECT TO " + user.replace("%", "%%") + " USING (true)";
        findings.add(ReadinessCheck.TABLES_ROW_SECURITY, BLOCKER, Text.of("copy.rowSecurity.found", tables.total(), user),
                Text.of("copy.rowSecurity.hint", user),
                TableRules.fixEach(facts, tables, CopyLists.ROW_SECURITY_FIX, policy), tables);
    }

    private static void materializedViews(InspectionFacts facts, Findings findings) {
        ObjectList views = facts.scope().unpopulated();
        if (views.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_MATERIALIZED_VIEWS, Text.of("copy.unpopulated.passed"));
            return;
        }
        findings.add(ReadinessCheck.TABLES_MATERIALIZED_VIEWS, BLOCKER, Text.of("copy.unpopulated.found", views.total()),
                Text.of("copy.unpopulated.hint"),
                TableRules.fixEach(facts, views, CopyLists.UNPOPULATED_LIST, "REFRESH MATERIALIZED VIEW %s"), views);
    }

    private static void readable(InspectionFacts facts, Findings findings) {
        ViewProbe.Result views = facts.views();
        long notTried = views.skipped() + facts.scope().probeCandidates() - views.probed();
        if (!views.failed().isEmpty()) {
            findings.add(ReadinessCheck.TABLES_READABLE, BLOCKER, Text.of("copy.unreadable.found", views.failed().total()),
                    Text.of("copy.unreadable.hint"), null, views.failed());
        }
        if (notTried > 0) {
            findings.add(ReadinessCheck.TABLES_READABLE, INFO, Text.of("copy.notTried.found", notTried, ViewProbe.MAX_PROBED,
                    facts.subject().limits().probeBudget().toMillis()), Text.of("copy.notTried.hint"), null);
        }
        long foreignLeftOut = facts.scope().foreignLeftOut();
        if (foreignLeftOut > 0) {
            findings.add(ReadinessCheck.TABLES_READABLE, INFO, Text.of("copy.foreignNotTried.found", foreignLeftOut,
                    String.valueOf(ViewProbe.INTERRUPTIBLE_FOREIGN_CONNECT)), Text.of("copy.foreignNotTried.hint"), null);
        }
        if (views.failed().isEmpty() && notTried == 0 && foreignLeftOut == 0) {
            findings.pass(ReadinessCheck.TABLES_READABLE, facts.scope().probeCandidates() == 0 ? Text.of("copy.readable.none")
                    : Text.of("copy.readable.passed", facts.scope().probeCandidates()));
        }
    }

    private static void inheritance(InspectionFacts facts, Findings findings) {
        ObjectList parents = facts.scope().legacyParents();
        if (parents.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_INHERITANCE, Text.of("copy.inheritance.passed"));
            return;
        }
        findings.add(ReadinessCheck.TABLES_INHERITANCE, WARNING, Text.of("copy.inheritance.found", parents.total()),
                Text.of("copy.inheritance.hint"), null, parents);
    }
}
