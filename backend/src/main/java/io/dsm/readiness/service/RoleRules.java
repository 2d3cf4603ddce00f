package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/** What the user may do: replicate, have a publication, read every table in scope. */
final class RoleRules {

    /** The name dsm suggests for a publication it cannot create itself. */
    static final String SUGGESTED_PUBLICATION = "dsm_migration";

    private RoleRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        if (facts.incremental()) {
            replication(facts, findings);
            publication(facts, findings);
        }
        select(facts, findings);
    }

    private static void replication(InspectionFacts facts, Findings findings) {
        ServerBasics basics = facts.basics();
        String user = facts.user();
        if (basics.superuser()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, Text.of("role.replication.superuser", user));
        } else if (basics.replicationAttribute()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, Text.of("role.replication.attribute", user));
        } else if (facts.basics().providerReplicationRole()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, Text.of("role.replication.rdsMember", user));
        } else {
            boolean rds = facts.settings().service().provider() == ManagedService.Provider.AMAZON_RDS;
            Text lacks = Text.of(rds ? "role.replication.foundOnRds" : "role.replication.found", user);
            Text message = ReplicationConnectionRule.refusedFor(facts.replication(), ReplicationConnectionRule.NO_PRIVILEGE)
                    .map(refusal -> Words.paragraph(List.of(lacks, Text.of("role.replication.refused", refusal))))
                    .orElse(lacks);
            findings.add(ReadinessCheck.ROLE_REPLICATION, BLOCKER, message,
                    Text.of(rds ? "role.replication.hintOnRds" : "role.replication.hint"),
                    (rds ? "GRANT rds_replication TO " : "ALTER ROLE ") + facts.userIdentifier() + (rds ? ";" : " REPLICATION;"));
        }
    }

    private static void publication(InspectionFacts facts, Findings findings) {
        ScopeTables scope = facts.scope();
        String user = facts.user();
        long tables = scope.tables();
        if (tables == 0) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, Text.of("role.publication.noTable"));
            return;
        }
        String database = SqlNames.quotedName(facts.subject().databaseName());
        Optional<Publication> complete = facts.publications().stream()
                .filter(p -> p.coversAll() && p.publishesEveryChange()).findFirst();
        if (complete.isPresent()) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, Text.of("role.publication.complete",
                    SqlNames.quotedName(complete.get().name()), tables));
        } else if (facts.basics().superuser()) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, Text.of("role.publication.superuser", user));
        } else if (!facts.basics().createOnDatabase() && scope.notOwned().isEmpty()) {
            findings.add(ReadinessCheck.ROLE_PUBLICATION, BLOCKER, Text.of("role.publication.noCreate", user, tables, database),
                    Text.of("role.publication.noCreate.hint"),
                    "GRANT CREATE ON DATABASE " + SqlIdentifiers.quote(facts.subject().databaseName()) + " TO "
                            + facts.userIdentifier() + ";");
        } else if (!facts.basics().createOnDatabase() || !scope.notOwned().isEmpty()) {
            findings.add(ReadinessCheck.ROLE_PUBLICATION, BLOCKER, Text.of(facts.basics().createOnDatabase()
                    ? "role.publication.notOwned" : "role.publication.notOwnedNoCreate", user, scope.notOwned().total(), tables,
                    database), createPublicationHint(facts), createPublication(facts), scope.notOwned());
        } else {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, Text.of("role.publication.passed", user, tables));
        }
    }

    private static Text createPublicationHint(InspectionFacts facts) {
        if (facts.scope().publishable() == 0) {
            return Text.of("role.publication.nothingPublishable");
        }
        Text hint = Text.of("role.publication.create.hint", SUGGESTED_PUBLICATION);
        long unpublishable = facts.scope().tables() - facts.scope().publishable();
        return unpublishable == 0 ? hint
                : Words.paragraph(List.of(hint, Text.of("role.publication.create.leavesOutUnlogged", unpublishable)));
    }

    /**
     * A publication of exactly the tables in scope that PostgreSQL can publish, for any number of them:
     * permanent ones only (it refuses unlogged and temporary tables), partitioned tables whole from 13
     * and their leaves before. None when no table qualifies.
     */
    static String createPublication(InspectionFacts facts) {
        if (facts.scope().publishable() == 0) {
            return null;
        }
        boolean from13 = facts.subject().atLeast(13);
        boolean viaRoot = from13 && !facts.scope().partitioned().isEmpty();
        return SqlNames.doBlock("""
                DECLARE tables text; BEGIN
                  SELECT string_agg(s.name, ', ' ORDER BY s.name) INTO tables FROM (%s) s WHERE %s;
                  IF tables IS NULL THEN RAISE EXCEPTION 'no table in scope can be published'; END IF;
                  EXECUTE 'CREATE PUBLICATION %s FOR TABLE ' || tables%s;
                END""".formatted(ScopeTables.relationsSql(facts.subject(), facts.schemaCondition()),
                from13 ? ScopeTables.PUBLISHABLE : ScopeTables.PUBLISHABLE_BEFORE_13, SUGGESTED_PUBLICATION,
                viaRoot ? " || ' WITH (publish_via_partition_root = true)'" : ""));
    }

    private static void select(InspectionFacts facts, Findings findings) {
        ScopeTables scope = facts.scope();
        long all = scope.relations() + scope.sequences().total();
        String user = facts.user();
        if (scope.unreadable().isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_SELECT, Text.of("role.select.passed", user, all));
            return;
        }
        String grants = scope.unreadableSchemas().stream()
                .map(schema -> "GRANT SELECT ON ALL TABLES IN SCHEMA " + SqlIdentifiers.quote(schema) + " TO "
                        + facts.userIdentifier() + ";\nGRANT SELECT ON ALL SEQUENCES IN SCHEMA " + SqlIdentifiers.quote(schema)
                        + " TO " + facts.userIdentifier() + ";")
                .collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.ROLE_SELECT, BLOCKER, Text.of("role.select.found", user, scope.unreadable().total(), all),
                Text.of("role.select.hint"), grants, scope.unreadable());
    }
}
