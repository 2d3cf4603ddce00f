package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.datasource.HeartbeatTableName;
import io.dsm.readiness.ReadinessCheck;

/** The publications of the source's database: what they cover of the scope, which changes they carry, the heartbeat table. */
final class PublicationRules {

    static final String HEARTBEAT_TABLE = HeartbeatTableName.NAME;

    private PublicationRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        coverage(facts, findings);
        operations(facts, findings);
        facts.subject().heartbeatSchema().ifPresent(schema -> heartbeat(facts, schema, findings));
        identityColumns(facts, findings);
    }

    /**
     * Row filters and column lists the server checks against the replica identity on every UPDATE and
     * DELETE (CheckCmdReplicaIdentity): a filter on other columns, or a list without them, makes both fail.
     */
    private static void identityColumns(InspectionFacts facts, Findings findings) {
        if (!facts.subject().atLeast(15)) {
            findings.pass(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, "PostgreSQL " + facts.subject().major()
                    + " has no row filters or column lists.");
            return;
        }
        List<PublishedSubset> violating = facts.scope().publishedSubsets().stream().filter(PublishedSubset::violates).toList();
        if (violating.isEmpty()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, "No publication of updates or deletes filters a table "
                    + "in scope on, or leaves out, a column outside its replica identity.");
            return;
        }
        ObjectList pairs = ObjectList.of(violating.stream().map(PublishedSubset::object).toList());
        List<String> fixes = violating.stream().map(PublishedSubset::fix).flatMap(Optional::stream).distinct().toList();
        findings.add(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, BLOCKER, SqlNames.count(pairs.total(), "table", "tables")
                + " in scope " + SqlNames.verb(pairs.total(), "is", "are") + " published (once per publication listed) "
                + "by a publication of updates or deletes with a row filter on columns outside the replica identity, or a "
                + "column list that leaves identity columns out: UPDATE and DELETE on "
                + (pairs.total() == 1 ? "this table" : "these tables") + " fail now.",
                "Make the identity cover the filter: REPLICA IDENTITY FULL allows any row filter, but no column list. "
                        + "Otherwise add the identity columns to the column list, or filter on identity columns only.",
                fixes.isEmpty() || pairs.truncated() ? null : String.join("\n", fixes), pairs);
    }

    private static void coverage(InspectionFacts facts, Findings findings) {
        List<Publication> publications = facts.publications();
        String tables = SqlNames.count(facts.scope().tables(), "table", "tables");
        if (publications.isEmpty()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, "No publication in database "
                    + SqlNames.quotedName(facts.subject().databaseName())
                    + " publishes a table in scope yet: the project creates its own (role.publication).");
            return;
        }
        if (facts.scope().tables() == 0) {
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, "No table in scope yet.");
            return;
        }
        Optional<Publication> complete = publications.stream().filter(Publication::coversAll).findFirst();
        if (complete.isPresent()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, "Publication " + SqlNames.quotedName(complete.get().name())
                    + " covers all " + tables + " in scope" + leftOut(facts) + ".");
            return;
        }
        List<Publication> named = publications.stream().limit(Publication.MAX_NAMED).toList();
        for (Publication publication : named) {
            List<AffectedObject> objects = new ArrayList<>(publication.missing().shown());
            publication.partial().shown().forEach(o -> objects.add(new AffectedObject(o.name(),
                    "published with a column list or row filter")));
            long total = publication.missing().total() + publication.partial().total();
            String partially = publication.partial().isEmpty() ? ""
                    : (publication.missing().isEmpty() ? "publishes " : ", and publishes ") + publication.partial().total()
                            + " only in part (a column list or a row filter)";
            String leavesOut = publication.missing().isEmpty() ? ""
                    : "leaves out " + publication.missing().total() + " of the " + tables + " in scope";
            findings.add(ReadinessCheck.PUBLICATIONS_COVERAGE, WARNING, "Publication " + SqlNames.quotedName(publication.name())
                    + " " + leavesOut + partially + ": a project that uses it never sees the changes of those tables."
                    + unpublishable(facts),
                    publication.missing().truncated() ? "Add every table in scope, or use a publication of its own for the "
                            + "project (role.publication)." : "Add the tables, or use a publication of its own for the project.",
                    addTables(publication), new ObjectList(objects.subList(0, Math.min(objects.size(), Finding.MAX_OBJECTS)),
                            total));
        }
        long others = facts.scope().touching() - named.size();
        if (others > 0) {
            findings.add(ReadinessCheck.PUBLICATIONS_COVERAGE, WARNING, SqlNames.count(others, "more publication", "more publications")
                    + " publish some of the " + tables + " in scope, and none of them all.",
                    "Use a publication of its own for the project (role.publication).", null);
        }
    }

    /** Why the ADD TABLE statement leaves some tables in scope out, when it does. */
    private static String unpublishable(InspectionFacts facts) {
        long unlogged = facts.scope().tables() - facts.scope().publishable();
        return unlogged == 0 ? "" : " " + SqlNames.count(unlogged, "unlogged table is", "unlogged tables are")
                + " not counted or added: PostgreSQL cannot publish them (see tables.unlogged).";
    }

    /** The tables no publication can hold, which a complete publication therefore leaves out. */
    private static String leftOut(InspectionFacts facts) {
        long unpublishable = facts.scope().tables() - facts.scope().publishable();
        return unpublishable == 0 ? "" : " that a publication can hold (" + SqlNames.count(unpublishable, "unlogged table is",
                "unlogged tables are") + " left out: see tables.unlogged)";
    }

    /** ALTER PUBLICATION ... ADD TABLE for the tables left out, when the finding lists them all. */
    private static String addTables(Publication publication) {
        if (publication.missing().isEmpty() || publication.missing().truncated()) {
            return null;
        }
        return "ALTER PUBLICATION " + SqlIdentifiers.quote(publication.name()) + " ADD TABLE "
                + String.join(", ", publication.missing().names()) + ";";
    }

    private static void operations(InspectionFacts facts, Findings findings) {
        List<Publication> covering = facts.publications().stream().filter(p -> p.covered() > 0).toList();
        List<Publication> partial = covering.stream().filter(p -> !p.publishesEveryChange()).toList();
        if (covering.isEmpty()) {
            return;
        }
        if (partial.isEmpty()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_OPERATIONS, "Every publication of tables in scope publishes inserts, "
                    + "updates, deletes" + (facts.subject().atLeast(11) ? " and truncates." : "."));
            return;
        }
        String every = facts.subject().atLeast(11) ? "insert, update, delete, truncate" : "insert, update, delete";
        for (Publication publication : partial) {
            findings.add(ReadinessCheck.PUBLICATIONS_OPERATIONS, WARNING, "Publication " + SqlNames.quotedName(publication.name())
                    + " does not publish " + String.join(", ", publication.unpublishedOperations()) + ": those changes of its "
                    + SqlNames.count(publication.covered(), "table", "tables") + " in scope never reach the target.",
                    "Publish every kind of change, unless the project means to drop them.",
                    "ALTER PUBLICATION " + SqlIdentifiers.quote(publication.name()) + " SET (publish = '" + every + "');");
        }
    }

    private static void heartbeat(InspectionFacts facts, String schema, Findings findings) {
        List<String> leavingOut = facts.heartbeatLeavingOut();
        Optional<String> problem = HeartbeatPublications.problem(leavingOut, schema, HEARTBEAT_TABLE);
        if (problem.isPresent()) {
            findings.add(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, WARNING, problem.get(),
                    "Add the heartbeat table to the publications the project uses.",
                    HeartbeatPublications.fix(leavingOut, schema, HEARTBEAT_TABLE),
                    ObjectList.of(leavingOut.stream().map(name -> new AffectedObject(name, null)).toList()));
        } else if (facts.publications().isEmpty()) {
            findings.add(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, INFO, "No publication yet: include "
                    + SqlIdentifiers.quote(schema) + "." + HEARTBEAT_TABLE + " in the publication the project creates, or "
                    + "its beats produce no change events and an idle source's slot does not advance.", null, null);
        } else {
            findings.pass(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, "Every publication includes the heartbeat table "
                    + SqlIdentifiers.quote(schema) + "." + HEARTBEAT_TABLE + ".");
        }
    }
}
