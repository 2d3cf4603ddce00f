package io.dsm.connection.service;

import java.util.List;
import java.util.Optional;

import io.dsm.acceptance.service.LiveAcceptance;
import io.dsm.readiness.service.AffectedObject;
import io.dsm.readiness.service.Finding;
import io.dsm.readiness.service.ReadinessOutcome;

/** Which acceptance covers a finding: one rule for the report's findings and verdicts and for the REPLICATION check. */
final class CoveredFindings {

    private CoveredFindings() {
    }

    static Optional<LiveAcceptance> covering(List<LiveAcceptance> accepted, Finding finding) {
        List<String> names = finding.objects().stream().map(AffectedObject::name).toList();
        return accepted.stream().filter(a -> a.covers(finding.check(), finding.severity(), names, finding.objectCount())).findFirst();
    }

    /** The outcome without the findings an acceptance covers: what counts. */
    static ReadinessOutcome open(ReadinessOutcome outcome, List<LiveAcceptance> accepted) {
        if (accepted.isEmpty()) {
            return outcome;
        }
        return new ReadinessOutcome(outcome.findings().stream().filter(f -> covering(accepted, f).isEmpty()).toList(),
                outcome.passed(), outcome.notInspected(), outcome.slots());
    }
}
