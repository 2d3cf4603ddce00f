package io.dsm.watch.service;

import io.dsm.connection.CheckStatus;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.FindingSeverity;

/**
 * The readiness state of a checked source, and its counts, from the report of its check: accepted findings are
 * left out of the state and of blockers and warnings, and the accepted blockers and warnings counted on their own.
 */
record ReadinessStates(SourceReadinessState state, int blockers, int warnings, int accepted) {

    static ReadinessStates of(ConnectionTestResult result) {
        int failed = (int) result.checks().stream().filter(check -> check.status() == CheckStatus.FAILED).count();
        int blockers = failed + count(result, FindingSeverity.BLOCKER);
        int warnings = count(result, FindingSeverity.WARNING);
        SourceReadinessState state = failed > 0 ? SourceReadinessState.UNREACHABLE
                : blockers > 0 ? SourceReadinessState.BLOCKED
                : warnings > 0 ? SourceReadinessState.WARNINGS
                : SourceReadinessState.READY;
        int accepted = (int) result.readiness().findings().stream()
                .filter(finding -> finding.accepted() != null && finding.severity() != FindingSeverity.INFO).count();
        return new ReadinessStates(state, blockers, warnings, accepted);
    }

    /** Fit for its project: nothing blocks it (warnings allowed). Audited as a success, the others as a failure. */
    boolean fit() {
        return state == SourceReadinessState.READY || state == SourceReadinessState.WARNINGS;
    }

    /** Accepted findings stay in the report but count for nothing: the state is what the team has not decided to live with. */
    private static int count(ConnectionTestResult result, FindingSeverity severity) {
        return (int) result.readiness().findings().stream()
                .filter(finding -> finding.severity() == severity && finding.accepted() == null).count();
    }
}
