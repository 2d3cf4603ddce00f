package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
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
                    : new Verdict(scope, ReadinessState.NOT_APPLICABLE, 0, 0, Text.of("verdict.notApplicable", label(scope))));
        }
        return verdicts;
    }

    private static Verdict verdict(ReadinessScope scope, List<EndpointReadiness> serving) {
        long blockers = count(serving, scope, FindingSeverity.BLOCKER);
        long warnings = count(serving, scope, FindingSeverity.WARNING);
        List<String> failed = serving.stream().flatMap(e -> e.failedChecks().stream())
                .filter(check -> check.blocks().contains(scope)).map(EndpointReadiness.FailedCheck::name).distinct().toList();
        Optional<Text> counts = counts(blockers, warnings);
        if (!failed.isEmpty()) {
            Text checks = Text.of(failed.size() == 1 ? "verdict.failedCheck" : "verdict.failedChecks",
                    Words.and(failed.stream().map(Text::verbatim).toList()));
            return new Verdict(scope, ReadinessState.BLOCKED, blockers, warnings, counts
                    .map(c -> Text.of("verdict.blockedByChecksWithCounts", label(scope), checks, c))
                    .orElse(Text.of("verdict.blockedByChecks", label(scope), checks)));
        }
        Optional<Text> notInspected = serving.stream().flatMap(e -> e.outcome().notInspected().stream()).findFirst();
        if (notInspected.isPresent() || serving.isEmpty()) {
            return new Verdict(scope, ReadinessState.NOT_CHECKED, blockers, warnings, Text.of("verdict.notChecked", label(scope),
                    notInspected.orElse(Text.of("verdict.noEndpoint"))));
        }
        ReadinessState state = blockers > 0 ? ReadinessState.BLOCKED
                : warnings > 0 ? ReadinessState.WARNINGS : ReadinessState.READY;
        return new Verdict(scope, state, blockers, warnings, counts.map(c -> Text.of("verdict.counted", label(scope), c))
                .orElse(Text.of("verdict.ready", label(scope))));
    }

    /** The scope's name in the reader's language. */
    public static Text label(ReadinessScope scope) {
        return Text.of("readiness.scope." + scope.name());
    }

    private static long count(List<EndpointReadiness> serving, ReadinessScope scope, FindingSeverity severity) {
        return serving.stream().flatMap(e -> e.outcome().findings().stream())
                .filter(f -> f.severity() == severity && f.concerns(scope)).count();
    }

    private static Optional<Text> counts(long blockers, long warnings) {
        Text blocking = Text.of("verdict.blockers", blockers);
        Text warning = Text.of("verdict.warnings", warnings);
        if (blockers > 0 && warnings > 0) {
            return Optional.of(Text.of("verdict.blockersAndWarnings", blocking, warning));
        }
        return blockers > 0 ? Optional.of(blocking) : warnings > 0 ? Optional.of(warning) : Optional.empty();
    }
}
