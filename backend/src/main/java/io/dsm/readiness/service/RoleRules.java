package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;

import java.util.Optional;
import java.util.stream.Collectors;

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
        String user = "User " + facts.user();
        if (basics.superuser()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, user + " is a superuser.");
        } else if (basics.replicationAttribute()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, user + " has the REPLICATION attribute.");
        } else if (facts.basics().providerReplicationRole()) {
            findings.pass(ReadinessCheck.ROLE_REPLICATION, user + " is a member of rds_replication.");
        } else {
            boolean rds = facts.settings().service().provider() == ManagedService.Provider.AMAZON_RDS;
            String confirmed = ReplicationConnectionRule.refusedFor(facts.replication(), ReplicationConnectionRule.NO_PRIVILEGE)
                    .map(message -> " The server refused dsm's replication connection for this reason: " + message)
                    .orElse("");
            findings.add(ReadinessCheck.ROLE_REPLICATION, BLOCKER, user + " has neither the REPLICATION attribute nor "
                    + "superuser" + (rds ? ", and is not a member of rds_replication" : "") + "; REPLICATION is not inherited "
                    + "from roles it is a member of." + confirmed,
                    rds ? "Run as the master user." : "Run as a superuser.",
                    (rds ? "GRANT rds_replication TO " : "ALTER ROLE ") + facts.userIdentifier() + (rds ? ";" : " REPLICATION;"));
        }
    }

    private static void publication(InspectionFacts facts, Findings findings) {
        ScopeTables scope = facts.scope();
        String user = "User " + facts.user();
        String tables = SqlNames.count(scope.tables(), "table", "tables");
        if (scope.tables() == 0) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, "No table in scope yet: there is nothing to publish.");
            return;
        }
        Optional<Publication> complete = facts.publications().stream()
                .filter(p -> p.coversAll() && p.publishesEveryChange()).findFirst();
        if (complete.isPresent()) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, "Publication " + SqlNames.quotedName(complete.get().name())
                    + " already publishes all " + tables + " in scope: the project can use it.");
        } else if (facts.basics().superuser()) {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, user + " is a superuser and can create any publication.");
        } else if (!facts.basics().createOnDatabase() && scope.notOwned().isEmpty()) {
            findings.add(ReadinessCheck.ROLE_PUBLICATION, BLOCKER, user + " owns the " + tables + " in scope but cannot "
                    + "create a publication: it has no CREATE privilege on database "
                    + SqlNames.quotedName(facts.subject().databaseName()) + ", and no publication covers them all.",
                    "Run as a superuser or the database's owner; or have a superuser create the publication "
                            + "(CREATE PUBLICATION ... FOR TABLE) and name it in the project.",
                    "GRANT CREATE ON DATABASE " + SqlIdentifiers.quote(facts.subject().databaseName()) + " TO "
                            + facts.userIdentifier() + ";");
        } else if (!facts.basics().createOnDatabase() || !scope.notOwned().isEmpty()) {
            String lacks = facts.basics().createOnDatabase() ? "may create publications but"
                    : "has no CREATE privilege on database " + SqlNames.quotedName(facts.subject().databaseName()) + " and";
            findings.add(ReadinessCheck.ROLE_PUBLICATION, BLOCKER, user + " " + lacks + " does not own "
                    + scope.notOwned().total() + " of the " + tables + " in scope, so it cannot create a publication of "
                    + "them (FOR TABLE needs ownership), and no publication covers them all.",
                    createPublicationHint(facts), createPublication(facts), scope.notOwned());
        } else {
            findings.pass(ReadinessCheck.ROLE_PUBLICATION, user + " can create a publication of all " + tables
                    + " in scope (CREATE on the database, owner of the tables).");
        }
    }

    private static String createPublicationHint(InspectionFacts facts) {
        long unpublishable = facts.scope().tables() - facts.scope().publishable();
        String leftOut = unpublishable == 0 ? "" : " It leaves out " + SqlNames.count(unpublishable, "unlogged table",
                "unlogged tables") + ": PostgreSQL cannot publish " + SqlNames.verb(unpublishable, "it", "them")
                + " (see tables.unlogged).";
        if (facts.scope().publishable() == 0) {
            return "No table in scope can be published: PostgreSQL cannot publish unlogged tables (see tables.unlogged).";
        }
        return "Have a superuser or the tables' owner run this, then name " + SUGGESTED_PUBLICATION + " in the project."
                + leftOut;
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
        String all = SqlNames.count(scope.relations() + scope.sequences().total(), "table, view or sequence",
                "tables, views and sequences");
        String user = "User " + facts.user();
        if (scope.unreadable().isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_SELECT, user + " can read all " + all + " in scope.");
            return;
        }
        String grants = scope.unreadableSchemas().stream()
                .map(schema -> "GRANT SELECT ON ALL TABLES IN SCHEMA " + SqlIdentifiers.quote(schema) + " TO "
                        + facts.userIdentifier() + ";\nGRANT SELECT ON ALL SEQUENCES IN SCHEMA " + SqlIdentifiers.quote(schema)
                        + " TO " + facts.userIdentifier() + ";")
                .collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.ROLE_SELECT, BLOCKER, user + " cannot read " + scope.unreadable().total() + " of the "
                + all + " in scope: a migration fails on the first of them.",
                "Run as their owner or a superuser; ALTER DEFAULT PRIVILEGES keeps tables created later readable too.", grants,
                scope.unreadable());
    }
}
