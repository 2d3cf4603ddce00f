package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.acceptance.service.LiveAcceptance;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.AffectedObject;
import io.dsm.connection.FindingAcceptance;
import io.dsm.connection.PassedReadinessCheck;
import io.dsm.connection.ReadinessFinding;
import io.dsm.connection.ReadinessReport;
import io.dsm.connection.ReadinessVerdict;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.readiness.service.EndpointReadiness;
import io.dsm.readiness.service.Finding;
import io.dsm.readiness.service.ReadinessOutcome;
import io.dsm.readiness.service.ServedScopes;
import io.dsm.readiness.service.Verdicts;

/**
 * The readiness part of a test's answer: the verdicts first, then every endpoint's findings and passed checks.
 * A finding an acceptance covers stays in the report, marked accepted, but the verdicts are made without it.
 */
final class ReadinessReports {

    private ReadinessReports() {
    }

    static ReadinessReport of(DatabaseAttribute attribute, List<TargetProbe> probes, List<LiveAcceptance> accepted) {
        List<EndpointReadiness> endpoints = new ArrayList<>();
        List<ReadinessFinding> findings = new ArrayList<>();
        List<PassedReadinessCheck> passed = new ArrayList<>();
        for (TargetProbe probe : probes) {
            List<EndpointReadiness.FailedCheck> failed = probe.checks().stream().filter(c -> c.status() == CheckStatus.FAILED)
                    .map(c -> new EndpointReadiness.FailedCheck(c.name().name(), c.name().blocks())).toList();
            ReadinessOutcome outcome = probe.readiness();
            List<Finding> open = new ArrayList<>();
            for (Finding finding : outcome.findings()) {
                Optional<LiveAcceptance> covering = CoveredFindings.covering(accepted, finding);
                findings.add(finding(probe, finding, covering));
                if (covering.isEmpty()) {
                    open.add(finding);
                }
            }
            endpoints.add(new EndpointReadiness(probe.served(),
                    new ReadinessOutcome(open, outcome.passed(), outcome.notInspected(), outcome.slots()), failed));
            outcome.passed().forEach(p -> passed.add(new PassedReadinessCheck(p.check(), probe.target(), p.message())));
        }
        List<ReadinessVerdict> verdicts = Verdicts.of(ServedScopes.of(attribute), endpoints).stream()
                .map(v -> new ReadinessVerdict(v.scope(), v.state(), v.blockers(), v.warnings(), v.summary())).toList();
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return new ReadinessReport(verdicts, findings, passed);
    }

    private static ReadinessFinding finding(TargetProbe probe, Finding finding, Optional<LiveAcceptance> covering) {
        return new ReadinessFinding(finding.check(), probe.target(), finding.scopes().stream().sorted().toList(),
                finding.severity(), finding.message(), finding.hint(), finding.fixSql(),
                finding.objects().stream().map(o -> new AffectedObject(o.name(), o.detail())).toList(), finding.objectCount(),
                covering.map(a -> new FindingAcceptance(a.id(), a.reason(), a.acceptedBy(), a.expiresAt(), a.severity())).orElse(null));
    }
}
