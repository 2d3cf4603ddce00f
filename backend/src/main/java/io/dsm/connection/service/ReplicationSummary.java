package io.dsm.connection.service;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
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
            return CheckResult.warning(Text.of("check.replication.not-inspected", readiness.notInspected().get()),
                    Text.of("check.replication.not-inspected.hint"));
        }
        List<Finding> incremental = readiness.findings().stream().filter(f -> f.concerns(ReadinessScope.INCREMENTAL_SYNC)).toList();
        List<Finding> blockers = incremental.stream().filter(f -> f.severity() == FindingSeverity.BLOCKER).toList();
        long warnings = incremental.stream().filter(f -> f.severity() == FindingSeverity.WARNING).count();
        if (blockers.isEmpty()) {
            return CheckResult.passed(Text.of("check.replication.ready", warnings));
        }
        String ids = blockers.stream().map(f -> f.check().id()).distinct().collect(Collectors.joining(", "));
        return CheckResult.warning(Text.of("check.replication.blocked", blockers.size(), ids, warnings),
                Text.of("check.replication.blocked.hint"));
    }
}
