package io.dsm.watch.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.connection.api.ConnectionTestResult;
import io.dsm.connection.api.ReadinessVerdict;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.watch.ReadinessChangeKind;
import io.dsm.watch.api.ReadinessChange;

/** What changed between two checks of a source: the history entries to add, the state change last (so it reads first). */
final class HistoryDiff {

    private HistoryDiff() {
    }

    static List<ReadinessChange> between(SourceReadinessState fromState, ConnectionTestResult before, ReadinessStates now,
            ConnectionTestResult after, String actor, Instant at) {
        Map<String, Observation> was = Observation.of(before);
        Map<String, Observation> is = Observation.of(after);
        List<ReadinessChange> changes = new ArrayList<>();
        was.forEach((key, observation) -> {
            if (!is.containsKey(key)) {
                changes.add(finding(ReadinessChangeKind.FINDING_CLEARED, observation, actor, at));
            }
        });
        is.forEach((key, observation) -> {
            if (!was.containsKey(key)) {
                changes.add(finding(ReadinessChangeKind.FINDING_APPEARED, observation, actor, at));
            }
        });
        if (fromState != now.state()) {
            changes.add(new ReadinessChange(at, ReadinessChangeKind.STATE_CHANGED, fromState, now.state(), null, null, null,
                    summary(now, after), actor));
        }
        return changes;
    }

    /** Why the state is what it is, in one line: the failed checks, or the verdicts. */
    static Text summary(ReadinessStates states, ConnectionTestResult result) {
        if (states.state() == SourceReadinessState.UNREACHABLE) {
            return Words.sentences(result.checks().stream().filter(check -> check.status() == io.dsm.connection.CheckStatus.FAILED)
                    .map(check -> Text.of("watch.checkFailed", check.target().name(), check.name().name(),
                            Text.verbatim(check.message())))
                    .toList());
        }
        return Words.sentences(result.readiness().verdicts().stream().map(ReadinessVerdict::summary).toList());
    }

    private static ReadinessChange finding(ReadinessChangeKind kind, Observation observation, String actor, Instant at) {
        return new ReadinessChange(at, kind, null, null, observation.check(), observation.target(), observation.severity(),
                observation.message(), actor);
    }
}
