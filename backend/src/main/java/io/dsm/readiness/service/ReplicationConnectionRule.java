package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.Optional;

import io.dsm.common.i18n.Text;

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
                ? Optional.of(result.message().english())
                : Optional.empty();
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        ReplicationConnectionResult result = facts.replication();
        switch (result.outcome()) {
            case ACCEPTED -> findings.pass(ReadinessCheck.REPLICATION_CONNECTION, result.probe() != null
                    ? Text.of("replication.accepted.probed")
                    : Text.of("replication.accepted", result.systemId(), result.timeline(), result.walPosition(), result.database()));
            case TIMED_OUT -> findings.add(ReadinessCheck.REPLICATION_CONNECTION, WARNING, Text.of("replication.timedOut",
                    result.message()), Text.of("replication.timedOut.hint"), null);
            case REFUSED -> {
                if (explainedElsewhere(facts, result)) {
                    return;
                }
                findings.add(ReadinessCheck.REPLICATION_CONNECTION, BLOCKER, result.sqlState() == null
                        ? Text.of("replication.refused", result.message())
                        : Text.of("replication.refused.sqlState", result.message(), result.sqlState()), hint(result.sqlState()), null);
            }
            case WITHHELD -> findings.add(ReadinessCheck.REPLICATION_CONNECTION, BLOCKER, Text.of("replication.withheld",
                    result.message()), result.hint(), null);
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

    private static Text hint(String sqlState) {
        if (INVALID_AUTHORIZATION.equals(sqlState)) {
            return Text.of("replication.refused.hba.hint");
        }
        if (NO_PRIVILEGE.equals(sqlState)) {
            return Text.of("replication.refused.privilege.hint");
        }
        if (TOO_MANY_CONNECTIONS.equals(sqlState)) {
            return Text.of("replication.refused.tooMany.hint");
        }
        if (PROTOCOL_VIOLATION.equals(sqlState)) {
            return Text.of("replication.refused.pooler.hint");
        }
        return Text.of("replication.refused.hint");
    }
}
