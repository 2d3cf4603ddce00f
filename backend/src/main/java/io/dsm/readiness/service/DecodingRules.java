package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/**
 * What logical decoding does not carry of the tables in scope, although they copy whole: generated
 * columns (pgoutput sends stored ones only from PostgreSQL 18, and only when the publication asks for
 * them) and TOASTed values an UPDATE leaves unchanged (sent only under REPLICA IDENTITY FULL).
 */
final class DecodingRules {

    private DecodingRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        if (!facts.incremental()) {
            return;
        }
        generatedColumns(facts, findings);
        TableRules.perTable(facts, findings, ReadinessCheck.TABLES_UNCHANGED_TOAST, INFO, facts.scope().toasted(),
                ScopeTables.TOASTED_CONDITION, "ALTER TABLE %s REPLICA IDENTITY FULL", "tables.unchangedToast");
    }

    private static void generatedColumns(InspectionFacts facts, Findings findings) {
        ObjectList stored = facts.scope().generated();
        ObjectList virtual = facts.scope().virtualGenerated();
        if (!virtual.isEmpty()) {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, tables(virtual) + " virtual generated columns: "
                    + "logical decoding never sends them, so the target must compute them itself.",
                    "Define the same generated columns on the target.", null, virtual);
        }
        if (stored.isEmpty()) {
            if (virtual.isEmpty()) {
                findings.pass(ReadinessCheck.TABLES_GENERATED_COLUMNS, "No table in scope has a generated column.");
            }
            return;
        }
        if (!facts.subject().atLeast(18)) {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, tables(stored) + " stored generated columns: "
                    + "PostgreSQL " + facts.subject().major() + " does not send them in logical decoding, so the target "
                    + "must compute them itself or never gets their values.",
                    "Define the same generated columns (GENERATED ALWAYS AS the same expression) on the target. From "
                            + "PostgreSQL 18 a publication can send them (publish_generated_columns = stored).",
                    null, stored);
            return;
        }
        List<Publication> publications = facts.publications();
        List<Publication> leavingOut = publications.stream().filter(p -> !p.generatedColumns()).toList();
        if (publications.isEmpty()) {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, INFO, tables(stored) + " stored generated columns: "
                    + "create the project's publication WITH (publish_generated_columns = stored), so that decoding "
                    + "sends their values.", null, null, stored);
        } else if (leavingOut.isEmpty()) {
            if (virtual.isEmpty()) {
                findings.pass(ReadinessCheck.TABLES_GENERATED_COLUMNS, "The publications send the stored generated columns "
                        + "of " + SqlNames.count(stored.total(), "table", "tables") + " in scope.");
            }
        } else {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, tables(stored) + " stored generated columns, "
                    + "which " + SqlNames.count(leavingOut.size(), "publication", "publications") + " ("
                    + leavingOut.stream().map(p -> SqlNames.quotedName(p.name())).collect(Collectors.joining(", "))
                    + ") " + SqlNames.verb(leavingOut.size(), "does", "do") + " not send: publish_generated_columns "
                    + "is not stored.",
                    "Let the publications send them, or define the same generated columns on the target.",
                    leavingOut.stream().map(p -> "ALTER PUBLICATION " + SqlIdentifiers.quote(p.name())
                            + " SET (publish_generated_columns = stored);").collect(Collectors.joining("\n")), stored);
        }
    }

    private static String tables(ObjectList tables) {
        return SqlNames.count(tables.total(), "table", "tables") + " in scope " + SqlNames.verb(tables.total(), "has", "have");
    }
}
