package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

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
        perTable(facts, findings, ReadinessCheck.TABLES_REPLICA_IDENTITY, scope.noIdentity(), ScopeTables.NO_IDENTITY,
                "ALTER TABLE %s REPLICA IDENTITY FULL", "has", "have",
                " no replica identity the server can use (no primary key under REPLICA IDENTITY DEFAULT, a primary key "
                        + "that is DEFERRABLE or not valid, or NOTHING): their updates and deletes are not decoded, and once "
                        + "such a table is in a publication that publishes them, every UPDATE and DELETE on it fails on the "
                        + "source.",
                "Add a primary key (NOT DEFERRABLE) where the table has a unique, non-null set of columns; otherwise "
                        + "REPLICA IDENTITY FULL (every update and delete then logs the whole old row).",
                "Every table in scope has a primary key or a replica identity.");
        perTable(facts, findings, ReadinessCheck.TABLES_REPLICA_IDENTITY_INDEX, scope.badIdentityIndex(),
                ScopeTables.BAD_IDENTITY_INDEX, "ALTER TABLE %s REPLICA IDENTITY FULL", "uses", "use",
                " a replica identity index the server cannot use (not valid, not unique, deferrable, partial, on a nullable "
                        + "column, or gone), which leaves updates and deletes without an identity.",
                "Rebuild the index (REINDEX INDEX CONCURRENTLY) and keep it as the identity, or use REPLICA IDENTITY FULL.",
                "Every replica identity index in scope is valid.");
        perTable(facts, findings, ReadinessCheck.TABLES_UNLOGGED, scope.unlogged(), ScopeTables.UNLOGGED,
                "ALTER TABLE %s SET LOGGED",
                "is", "are", " unlogged: changes to unlogged tables are not written to the WAL, so incremental sync never "
                        + "sees them.",
                "SET LOGGED rewrites the table and writes it all to the WAL once; or leave the tables out of the project.",
                "No table in scope is unlogged.");
        partitioned(facts, findings);
        sequences(facts, findings);
    }

    /**
     * One finding for the tables that have a problem, with a statement per table when the finding
     * lists them all, or one DO block over the same condition when there are more than it lists.
     */
    private static void perTable(InspectionFacts facts, Findings findings, ReadinessCheck check, ObjectList tables,
            String condition, String statement, String verbForOne, String verbForSeveral, String problem, String hint,
            String passed) {
        perTable(facts, findings, check, BLOCKER, tables, condition, statement, verbForOne, verbForSeveral, problem, hint, passed);
    }

    /** {@link #perTable} with a severity of the check's own: the statement is then a remedy with a cost, not a must. */
    static void perTable(InspectionFacts facts, Findings findings, ReadinessCheck check, FindingSeverity severity,
            ObjectList tables, String condition, String statement, String verbForOne, String verbForSeveral, String problem,
            String hint, String passed) {
        if (tables.isEmpty()) {
            findings.pass(check, passed);
            return;
        }
        findings.add(check, severity, SqlNames.count(tables.total(), "table", "tables") + " in scope "
                + SqlNames.verb(tables.total(), verbForOne, verbForSeveral) + problem, hint, fixEach(facts, tables, condition, statement),
                tables);
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
            findings.pass(ReadinessCheck.TABLES_PARTITIONED, "No partitioned table in scope.");
            return;
        }
        String tables = SqlNames.count(partitioned.total(), "partitioned table", "partitioned tables");
        if (!facts.subject().atLeast(13)) {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, WARNING, "PostgreSQL " + facts.subject().major() + " cannot "
                    + "publish a partitioned table: the changes of " + tables + " in scope arrive as changes of their "
                    + "partitions, each of which must be published.",
                    "Publish the partitions, and map them to their tables on the target.", null, partitioned);
            return;
        }
        List<Publication> byPartition = facts.publications().stream()
                .filter(p -> p.partitionedCovered() > 0 && !p.viaRoot()).toList();
        for (Publication publication : byPartition) {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, WARNING, "Publication " + SqlNames.quotedName(publication.name())
                    + " publishes " + SqlNames.count(publication.partitionedCovered(), "partitioned table", "partitioned tables")
                    + " in scope by partition: subscribers see changes of the partitions, not of the tables.",
                    "Publish them through their root, unless the target keeps the same partitions.",
                    "ALTER PUBLICATION " + SqlIdentifiers.quote(publication.name())
                            + " SET (publish_via_partition_root = true);", partitioned);
        }
        if (!byPartition.isEmpty()) {
            return;
        }
        if (facts.publications().stream().anyMatch(p -> p.partitionedCovered() > 0)) {
            findings.pass(ReadinessCheck.TABLES_PARTITIONED, "The publications publish the " + tables
                    + " in scope through their roots.");
        } else {
            findings.add(ReadinessCheck.TABLES_PARTITIONED, INFO, tables + " in scope: create the project's publication "
                    + "WITH (publish_via_partition_root = true), so that their changes arrive as changes of the tables.",
                    null, null, partitioned);
        }
    }

    private static void largeObjects(InspectionFacts facts, Findings findings) {
        ObjectList tables = facts.scope().largeObjects();
        boolean exist = facts.scope().largeObjectsExist();
        if (tables.isEmpty() && exist) {
            findings.add(ReadinessCheck.TABLES_LARGE_OBJECTS, INFO, "Database " + SqlNames.quotedName(facts.subject().databaseName())
                    + " has large objects, though no table in scope has a large-object column (oid or lo): a table copy "
                    + "does not include them.", "If the project needs them, migrate them separately (pg_dump --large-objects).",
                    null);
            return;
        }
        if (tables.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_LARGE_OBJECTS, "No table in scope has a large-object column.");
            return;
        }
        if (!exist) {
            findings.pass(ReadinessCheck.TABLES_LARGE_OBJECTS, SqlNames.count(tables.total(), "table", "tables") + " in scope "
                    + SqlNames.verb(tables.total(), "has", "have") + " oid columns, but database "
                    + SqlNames.quotedName(facts.subject().databaseName())
                    + " has no large object: the columns hold plain numbers, which copy and decode like any other.");
            return;
        }
        findings.add(ReadinessCheck.TABLES_LARGE_OBJECTS, WARNING, SqlNames.count(tables.total(), "table", "tables")
                + " in scope " + SqlNames.verb(tables.total(), "has", "have") + " large-object columns (oid or lo): the "
                + "objects' content lives in pg_largeobject, which "
                + "logical decoding does not carry and a table copy does not include.",
                "Move the content into bytea columns, or migrate the large objects separately (pg_dump --large-objects).",
                null, tables);
    }

    private static void sequences(InspectionFacts facts, Findings findings) {
        ObjectList sequences = facts.scope().sequences();
        if (sequences.isEmpty()) {
            findings.pass(ReadinessCheck.TABLES_SEQUENCES, "No sequence in scope.");
            return;
        }
        findings.add(ReadinessCheck.TABLES_SEQUENCES, INFO, SqlNames.count(sequences.total(), "sequence", "sequences")
                + " in scope: logical decoding does not carry their values, so after incremental sync the target's "
                + "sequences are behind.",
                "At cutover, once writes to the source have stopped, run this query on the source and its output on the target.",
                "SELECT format('SELECT setval(%L, %s, %s);', quote_ident(schemaname) || '.' || quote_ident(sequencename),\n"
                        + "              coalesce(last_value, start_value), last_value IS NOT NULL)\n"
                        + "FROM pg_sequences WHERE schemaname IN (" + SqlNames.literals(facts.scope().schemas()) + ");",
                sequences);
    }
}
