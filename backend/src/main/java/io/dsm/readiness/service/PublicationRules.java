package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
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
            findings.pass(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, Text.of("publications.identityColumns.beforePg15",
                    String.valueOf(facts.subject().major())));
            return;
        }
        List<PublishedSubset> violating = facts.scope().publishedSubsets().stream().filter(PublishedSubset::violates).toList();
        if (violating.isEmpty()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, Text.of("publications.identityColumns.passed"));
            return;
        }
        ObjectList pairs = ObjectList.of(violating.stream().map(PublishedSubset::object).toList());
        List<String> fixes = violating.stream().map(PublishedSubset::fix).flatMap(Optional::stream).distinct().toList();
        findings.add(ReadinessCheck.PUBLICATIONS_IDENTITY_COLUMNS, BLOCKER, Text.of("publications.identityColumns.found",
                pairs.total()), Text.of("publications.identityColumns.hint"),
                fixes.isEmpty() || pairs.truncated() ? null : String.join("\n", fixes), pairs);
    }

    private static void coverage(InspectionFacts facts, Findings findings) {
        List<Publication> publications = facts.publications();
        long tables = facts.scope().tables();
        if (publications.isEmpty()) {
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, Text.of("publications.coverage.none",
                    SqlNames.quotedName(facts.subject().databaseName())));
            return;
        }
        if (tables == 0) {
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, Text.of("publications.coverage.noTable"));
            return;
        }
        Optional<Publication> complete = publications.stream().filter(Publication::coversAll).findFirst();
        if (complete.isPresent()) {
            long unpublishable = facts.scope().tables() - facts.scope().publishable();
            String name = SqlNames.quotedName(complete.get().name());
            findings.pass(ReadinessCheck.PUBLICATIONS_COVERAGE, unpublishable == 0
                    ? Text.of("publications.coverage.complete", name, tables)
                    : Text.of("publications.coverage.completeLeavingOutUnlogged", name, tables, unpublishable));
            return;
        }
        List<Publication> named = publications.stream().limit(Publication.MAX_NAMED).toList();
        for (Publication publication : named) {
            List<AffectedObject> objects = new ArrayList<>(publication.missing().shown());
            publication.partial().shown().forEach(o -> objects.add(new AffectedObject(o.name(),
                    Text.of("detail.publishedSubset"))));
            long total = publication.missing().total() + publication.partial().total();
            String name = SqlNames.quotedName(publication.name());
            Text gap = publication.partial().isEmpty()
                    ? Text.of("publications.coverage.leavesOut", name, publication.missing().total(), tables)
                    : publication.missing().isEmpty() ? Text.of("publications.coverage.partial", name, publication.partial().total())
                    : Text.of("publications.coverage.leavesOutAndPartial", name, publication.missing().total(), tables,
                            publication.partial().total());
            findings.add(ReadinessCheck.PUBLICATIONS_COVERAGE, WARNING, unpublishable(facts).map(u -> Words.paragraph(List.of(gap, u)))
                    .orElse(gap),
                    Text.of(publication.missing().truncated() ? "publications.coverage.hintEveryTable"
                            : "publications.coverage.hint"),
                    addTables(publication), new ObjectList(objects.subList(0, Math.min(objects.size(), Finding.MAX_OBJECTS)),
                            total));
        }
        long others = facts.scope().touching() - named.size();
        if (others > 0) {
            findings.add(ReadinessCheck.PUBLICATIONS_COVERAGE, WARNING, Text.of("publications.coverage.others", others, tables),
                    Text.of("publications.coverage.others.hint"), null);
        }
    }

    /** Why the ADD TABLE statement leaves some tables in scope out, when it does. */
    private static Optional<Text> unpublishable(InspectionFacts facts) {
        long unlogged = facts.scope().tables() - facts.scope().publishable();
        return unlogged == 0 ? Optional.empty() : Optional.of(Text.of("publications.coverage.unloggedNotCounted", unlogged));
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
            findings.pass(ReadinessCheck.PUBLICATIONS_OPERATIONS, Text.of(facts.subject().atLeast(11)
                    ? "publications.operations.passed" : "publications.operations.passedBeforePg11"));
            return;
        }
        String every = facts.subject().atLeast(11) ? "insert, update, delete, truncate" : "insert, update, delete";
        for (Publication publication : partial) {
            findings.add(ReadinessCheck.PUBLICATIONS_OPERATIONS, WARNING, Text.of("publications.operations.found",
                    SqlNames.quotedName(publication.name()), String.join(", ", publication.unpublishedOperations()),
                    publication.covered()), Text.of("publications.operations.hint"),
                    "ALTER PUBLICATION " + SqlIdentifiers.quote(publication.name()) + " SET (publish = '" + every + "');");
        }
    }

    private static void heartbeat(InspectionFacts facts, String schema, Findings findings) {
        List<String> leavingOut = facts.heartbeatLeavingOut();
        Optional<Text> problem = HeartbeatPublications.problem(leavingOut, schema, HEARTBEAT_TABLE);
        if (problem.isPresent()) {
            // The heartbeat writer's warning says the same sentence.
            findings.add(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, WARNING, problem.get(),
                    Text.of("publications.heartbeat.hint"),
                    HeartbeatPublications.fix(leavingOut, schema, HEARTBEAT_TABLE),
                    ObjectList.of(leavingOut.stream().map(name -> new AffectedObject(name, (Text) null)).toList()));
        } else if (facts.publications().isEmpty()) {
            findings.add(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, INFO, Text.of("publications.heartbeat.noPublication",
                    SqlIdentifiers.quote(schema) + "." + HEARTBEAT_TABLE), null, null);
        } else {
            findings.pass(ReadinessCheck.PUBLICATIONS_HEARTBEAT_TABLE, Text.of("publications.heartbeat.passed",
                    SqlIdentifiers.quote(schema) + "." + HEARTBEAT_TABLE));
        }
    }
}
