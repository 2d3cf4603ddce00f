package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;

/** The tables in scope: what logical decoding cannot carry, or carries only with help. */
final class TableRules {

    private TableRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        if (findings.applies(ReadinessCheck.TABLES_LARGE_OBJECTS)) {
            largeObjects(facts, findings);
        }
        if (!facts.incremental()) {
            return;
        }
        ScopeTables scope = facts.scope();
        perTable(facts, findings, ReadinessCheck.TABLES_REPLICA_IDENTITY, BLOCKER, scope.noIdentity(), ScopeTables.NO_IDENTITY,
                "ALTER TABLE %s REPLICA IDENTITY FULL", "tables.replicaIdentity");
        perTable(facts, findings, ReadinessCheck.TABLES_REPLICA_IDENTITY_INDEX, BLOCKER, scope.badIdentityIndex(),
                ScopeTables.BAD_IDENTITY_INDEX, "ALTER TABLE %s REPLICA IDENTITY FULL", "tables.replicaIdentityIndex");
        perTable(facts, findings, ReadinessCheck.TABLES_UNLOGGED, BLOCKER, scope.unlogged(), ScopeTables.UNLOGGED,
                "ALTER TABLE %s SET LOGGED", "tables.unlogged");
        partitioned(facts, findings);
        sequences(facts, findings);
    }

    /**
     * One finding for the tables that have a problem, with a statement per table when the finding lists them all,
     * or one DO block over the same condition when there are more than it lists. Below a blocker the statement is a
     * remedy with a cost, not a must.
     *
     * @param key the catalogue's {@code key.found} (with the number of tables), {@code key.hint} and {@code key.passed}
     */
    static void perTable(InspectionFacts facts, Findings findings, ReadinessCheck check, FindingSeverity severity,
            ObjectList tables, String condition, String statement, String key) {
        if (tables.isEmpty()) {
            findings.pass(check, Text.of(key + ".passed"));
            return;
        }
        findings.add(check, severity, Text.of(key + ".found", tables.total()), Text.of(key + ".hint"),
                fixEach(facts, tables, condition, statement), tables);
    }

    /**
     * The statement for each object of the list: one per object when the finding lists them all, or one DO
     * block over the list's own condition when there are more than it lists.
     *
     * @param condition which relations of the scope the DO block fixes: the list's own, or one that holds whoever runs it
     * @param statement with {@code %s} where the object's name goes; any other {@code %} doubled
     */
    static String fixEach(InspectionFacts facts, ObjectList objects, String condition, String statement) {
        return objects.truncated() ? doBlock(facts, condition, statement)
                : objects.names().stream().map(name -> statement.formatted(name) + ";").collect(Collectors.joining("\n"));
    }

    /** One statement per relation of the list's own condition, over the same scope (its schemas and their leaves). */
    private static String doBlock(InspectionFacts facts, String condition, String statement) {
        return SqlNames.doBlock("""
                DECLARE t text; BEGIN
                  FOR t IN SELECT s.name FROM (%s) s WHERE %s ORDER BY s.name
                  LOOP EXECUTE format(%s, t); END LOOP;
                END""".formatted(ScopeTables.relationsSql(facts.subject(), facts.schemaCondition()), condition,
                SqlIdentifiers.literal(statement)));
    }

    private static void partitioned(InspectionFacts facts, Findings findings) {
        ObjectList partitioned = facts.scope().partitioned();
        if (partitioned.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_PARTITIONED, Text.of("tables.partitioned.none"));
            return;
        }
        long tables = partitioned.total();
        if (!facts.subject().atLeast(13)) {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, WARNING, Text.of("tables.partitioned.beforePg13",
                    String.valueOf(facts.subject().major()), tables), Text.of("tables.partitioned.beforePg13.hint"), null,
                    partitioned);
            return;
        }
        List<Publication> byPartition = facts.publications().stream()
                .filter(p -> p.partitionedCovered() > 0 && !p.viaRoot()).toList();
        for (Publication publication : byPartition) {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, WARNING, Text.of("tables.partitioned.byPartition",
                    SqlNames.quotedName(publication.name()), publication.partitionedCovered()),
                    Text.of("tables.partitioned.byPartition.hint"),
                    "ALTER PUBLICATION " + SqlIdentifiers.quote(publication.name())
                            + " SET (publish_via_partition_root = true);", partitioned);
        }
        if (!byPartition.isEmpty()) {
            return;
        }
        if (facts.publications().stream().anyMatch(p -> p.partitionedCovered() > 0)) {
            findings.pass(ReadinessCheck.TABLES_PARTITIONED, Text.of("tables.partitioned.viaRoot", tables));
        } else {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, INFO, Text.of("tables.partitioned.unpublished", tables), null, null,
                    partitioned);
        }
    }

    private static void largeObjects(InspectionFacts facts, Findings findings) {
        ObjectList tables = facts.scope().largeObjects();
        boolean exist = facts.scope().largeObjectsExist();
        if (tables.isEmpty() && exist) {
            findings.add(ReadinessCheck.TABLES_LARGE_OBJECTS, INFO, Text.of("tables.largeObjects.unreferenced",
                    SqlNames.quotedName(facts.subject().databaseName())), Text.of("tables.largeObjects.unreferenced.hint"), null);
            return;
        }
        if (tables.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_LARGE_OBJECTS, Text.of("tables.largeObjects.none"));
            return;
        }
        if (!exist) {
            findings.pass(ReadinessCheck.TABLES_LARGE_OBJECTS, Text.of("tables.largeObjects.plainNumbers", tables.total(),
                    SqlNames.quotedName(facts.subject().databaseName())));
            return;
        }
        findings.add(ReadinessCheck.TABLES_LARGE_OBJECTS, WARNING, Text.of("tables.largeObjects.found", tables.total()),
                Text.of("tables.largeObjects.found.hint"), null, tables);
    }

    private static void sequences(InspectionFacts facts, Findings findings) {
        ObjectList sequences = facts.scope().sequences();
        if (sequences.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_SEQUENCES, Text.of("tables.sequences.none"));
            return;
        }
        findings.add(ReadinessCheck.TABLES_SEQUENCES, INFO, Text.of("tables.sequences.found", sequences.total()),
                Text.of("tables.sequences.found.hint"),
                "SELECT format('SELECT setval(%L, %s, %s);', quote_ident(schemaname) || '.' || quote_ident(sequencename),\n"
                        + "              coalesce(last_value, start_value), last_value IS NOT NULL)\n"
                        + "FROM pg_sequences WHERE schemaname IN (" + SqlNames.literals(facts.scope().schemas()) + ");",
                sequences);
    }
}
