package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
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
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, Text.of("generated.virtual", virtual.total()),
                    Text.of("generated.virtual.hint"), null, virtual);
        }
        if (stored.isEmpty()) {
            if (virtual.isEmpty()) {
                findings.pass(ReadinessCheck.TABLES_GENERATED_COLUMNS, Text.of("generated.none"));
            }
            return;
        }
        if (!facts.subject().atLeast(18)) {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, Text.of("generated.storedBeforePg18",
                    stored.total(), String.valueOf(facts.subject().major())), Text.of("generated.storedBeforePg18.hint"),
                    null, stored);
            return;
        }
        List<Publication> publications = facts.publications();
        List<Publication> leavingOut = publications.stream().filter(p -> !p.generatedColumns()).toList();
        if (publications.isEmpty()) {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, INFO, Text.of("generated.storedUnpublished", stored.total()),
                    null, null, stored);
        } else if (leavingOut.isEmpty()) {
            if (virtual.isEmpty()) {
                findings.pass(ReadinessCheck.TABLES_GENERATED_COLUMNS, Text.of("generated.storedSent", stored.total()));
            }
        } else {
            findings.add(ReadinessCheck.TABLES_GENERATED_COLUMNS, WARNING, Text.of("generated.storedLeftOut", stored.total(),
                    leavingOut.size(), leavingOut.stream().map(p -> SqlNames.quotedName(p.name())).collect(Collectors.joining(", "))),
                    Text.of("generated.storedLeftOut.hint"),
                    leavingOut.stream().map(p -> "ALTER PUBLICATION " + SqlIdentifiers.quote(p.name())
                            + " SET (publish_generated_columns = stored);").collect(Collectors.joining("\n")), stored);
        }
    }
}
