package io.dsm.connection.service;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.Finding;
import io.dsm.readiness.service.ReadinessOutcome;

/**
 * The REPLICATION check, which has always meant "what incremental sync needs": now the summary of
 * the readiness findings for incremental sync on this endpoint. It warns and never fails, so that a
 * source meant for full migration only can still pass the test and be saved.
 */
final class ReplicationSummary {

    private ReplicationSummary() {
    }

    static CheckResult of(ReadinessOutcome readiness) {
        if (readiness.notInspected().isPresent()) {
            return CheckResult.warning("Readiness for incremental sync could not be checked: " + readiness.notInspected().get().english()
                    + ".", "Retry the test; if it persists, check the server's log.");
        }
        List<Finding> incremental = readiness.findings().stream().filter(f -> f.concerns(ReadinessScope.INCREMENTAL_SYNC)).toList();
        List<Finding> blockers = incremental.stream().filter(f -> f.severity() == FindingSeverity.BLOCKER).toList();
        long warnings = incremental.stream().filter(f -> f.severity() == FindingSeverity.WARNING).count();
        String andWarnings = warnings == 0 ? "" : warnings == 1 ? ", and 1 warning" : ", and " + warnings + " warnings";
        if (blockers.isEmpty()) {
            return CheckResult.passed("Ready for incremental sync" + (warnings == 0 ? "." : ", with " + (warnings == 1
                    ? "1 warning" : warnings + " warnings") + " in the readiness findings."));
        }
        String ids = blockers.stream().map(f -> f.check().id()).distinct().collect(Collectors.joining(", "));
        return CheckResult.warning("Incremental sync would fail: " + (blockers.size() == 1 ? "1 blocker" : blockers.size()
                + " blockers") + " (" + ids + ")" + andWarnings + ". Schema and full migration can still run.",
                "Each readiness finding says what to fix, with the SQL where there is one.");
    }
}
