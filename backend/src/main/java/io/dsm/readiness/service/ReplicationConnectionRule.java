package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.Optional;

import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.service.ReplicationConnectionResult.Outcome;

/**
 * The real replication connection: what the catalog cannot prove. A refusal the catalog already
 * explains (no REPLICATION, no free WAL sender) is told once, by that finding, with the server's words.
 */
final class ReplicationConnectionRule {

    static final String NO_PRIVILEGE = "42501";
    static final String TOO_MANY_CONNECTIONS = "53300";
    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String PROTOCOL_VIOLATION = "08P01";

    private ReplicationConnectionRule() {
    }

    /** The server's message when it refused the replication connection with this SQLSTATE. */
    static Optional<String> refusedFor(ReplicationConnectionResult result, String sqlState) {
        return result.outcome() == Outcome.REFUSED && sqlState.equals(result.sqlState())
                ? Optional.of(result.message())
                : Optional.empty();
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        ReplicationConnectionResult result = facts.replication();
        switch (result.outcome()) {
            case ACCEPTED -> findings.pass(ReadinessCheck.REPLICATION_CONNECTION, result.probe() != null
                    ? "The server accepted a logical replication connection from dsm, and answered its CREATE_REPLICATION_SLOT "
                            + "of a temporary slot (slots.creation tells what came of it)."
                    : "The server accepted a logical replication connection from dsm: IDENTIFY_SYSTEM reports system "
                            + result.systemId() + ", timeline " + result.timeline() + ", WAL at " + result.walPosition()
                            + ", database " + result.database() + ".");
            case TIMED_OUT -> findings.add(ReadinessCheck.REPLICATION_CONNECTION, WARNING, "The logical replication connection "
                    + "did not complete within the test's timeout: " + result.message(),
                    "Retry; if it persists, a proxy or the server's load may be holding replication connections.", null);
            case REFUSED -> {
                if (explainedElsewhere(facts, result)) {
                    return;
                }
                findings.add(ReadinessCheck.REPLICATION_CONNECTION, BLOCKER, "The server refused a logical replication "
                        + "connection from dsm: " + result.message() + (result.sqlState() == null ? ""
                        : " (SQLSTATE " + result.sqlState() + ")."), hint(result.sqlState()), null);
            }
            case WITHHELD -> findings.add(ReadinessCheck.REPLICATION_CONNECTION, BLOCKER, "dsm did not open a logical "
                    + "replication connection: " + result.message(), result.hint(), null);
            case NOT_ATTEMPTED -> {
                // nothing was tried, so nothing is claimed
            }
        }
    }

    private static boolean explainedElsewhere(InspectionFacts facts, ReplicationConnectionResult result) {
        boolean mayReplicate = facts.basics().superuser() || facts.basics().replicationAttribute()
                || facts.basics().providerReplicationRole();
        return NO_PRIVILEGE.equals(result.sqlState()) && !mayReplicate
                || TOO_MANY_CONNECTIONS.equals(result.sqlState()) && facts.freeWalSenders() == 0;
    }

    private static String hint(String sqlState) {
        if (INVALID_AUTHORIZATION.equals(sqlState)) {
            return "Let the user in from dsm's address in pg_hba.conf (a logical replication connection matches the lines "
                    + "of its database, not those of the keyword replication), then reload the server.";
        }
        if (NO_PRIVILEGE.equals(sqlState)) {
            return "The user needs the REPLICATION attribute (ALTER ROLE ... REPLICATION), or on Amazon RDS membership in "
                    + "rds_replication.";
        }
        if (TOO_MANY_CONNECTIONS.equals(sqlState)) {
            return "Raise max_wal_senders (or max_connections) and restart the server, or stop a consumer that is no "
                    + "longer needed.";
        }
        if (PROTOCOL_VIOLATION.equals(sqlState)) {
            return "A connection pooler such as PgBouncer answered instead of the server: replication connections must "
                    + "reach PostgreSQL directly. Register the server's own address.";
        }
        return "Check the server's log for the connection from dsm's address.";
    }
}
