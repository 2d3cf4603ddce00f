package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.ReadinessState;

/** One verdict per scope, from every endpoint that serves it. */
public final class Verdicts {

    private Verdicts() {
    }

    /** @param applicable the scopes the data source serves at all ({@link ServedScopes#of}) */
    public static List<Verdict> of(Set<ReadinessScope> applicable, List<EndpointReadiness> endpoints) {
        List<Verdict> verdicts = new ArrayList<>();
        for (ReadinessScope scope : ReadinessScope.values()) {
            List<EndpointReadiness> serving = endpoints.stream().filter(e -> e.served().contains(scope)).toList();
            verdicts.add(applicable.contains(scope) ? verdict(scope, serving)
                    : new Verdict(scope, ReadinessState.NOT_APPLICABLE, 0, 0, scope.label()
                            + ": not applicable, this data source serves full migration only (incremental sync reads a primary)"));
        }
        return verdicts;
    }

    private static Verdict verdict(ReadinessScope scope, List<EndpointReadiness> serving) {
        long blockers = count(serving, scope, FindingSeverity.BLOCKER);
        long warnings = count(serving, scope, FindingSeverity.WARNING);
        List<String> failed = serving.stream().flatMap(e -> e.failedChecks().stream())
                .filter(check -> check.blocks().contains(scope)).map(EndpointReadiness.FailedCheck::name).distinct().toList();
        String counts = counts(blockers, warnings);
        if (!failed.isEmpty()) {
            return new Verdict(scope, ReadinessState.BLOCKED, blockers, warnings, scope.label() + ": blocked, the "
                    + String.join(" and ", failed) + (failed.size() == 1 ? " check" : " checks") + " failed"
                    + (counts.isEmpty() ? "" : "; " + counts));
        }
        Optional<String> notInspected = serving.stream().flatMap(e -> e.outcome().notInspected().stream()).findFirst();
        if (notInspected.isPresent() || serving.isEmpty()) {
            return new Verdict(scope, ReadinessState.NOT_CHECKED, blockers, warnings, scope.label() + ": not checked, "
                    + notInspected.orElse("no endpoint serves it"));
        }
        ReadinessState state = blockers > 0 ? ReadinessState.BLOCKED
                : warnings > 0 ? ReadinessState.WARNINGS : ReadinessState.READY;
        return new Verdict(scope, state, blockers, warnings, scope.label() + ": " + (counts.isEmpty() ? "ready" : counts));
    }

    private static long count(List<EndpointReadiness> serving, ReadinessScope scope, FindingSeverity severity) {
        return serving.stream().flatMap(e -> e.outcome().findings().stream())
                .filter(f -> f.severity() == severity && f.concerns(scope)).count();
    }

    private static String counts(long blockers, long warnings) {
        List<String> parts = new ArrayList<>();
        if (blockers > 0) {
            parts.add(SqlNames.count(blockers, "blocker", "blockers"));
        }
        if (warnings > 0) {
            parts.add(SqlNames.count(warnings, "warning", "warnings"));
        }
        return String.join(", ", parts);
    }
}
