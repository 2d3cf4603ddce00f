package io.dsm.watch.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.FindingAcceptance;
import io.dsm.connection.ReadinessVerdict;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.watch.ReadinessChangeKind;
import io.dsm.watch.api.ReadinessChange;

/** What changed between two checks of a source: the history entries to add, the state change last (so it reads first). */
final class HistoryDiff {

    private HistoryDiff() {
    }

    /** @param summary why the state is what it is now ({@link #summary}), for a state change */
    static List<ReadinessChange> between(SourceReadinessState fromState, ConnectionTestResult before, ReadinessStates now,
            ConnectionTestResult after, Text summary, String actor, Instant at) {
        Map<String, Observation> was = Observation.of(before);
        Map<String, Observation> is = Observation.of(after);
        List<ReadinessChange> changes = new ArrayList<>();
        was.forEach((key, observation) -> {
            if (!is.containsKey(key)) {
                changes.add(finding(ReadinessChangeKind.FINDING_CLEARED, observation, observation.message(), actor, at));
            }
        });
        is.forEach((key, observation) -> {
            if (!was.containsKey(key)) {
                changes.add(finding(ReadinessChangeKind.FINDING_APPEARED, observation, observation.message(), actor, at));
                return;
            }
            ReadinessChangeKind acceptance = observation.acceptanceChangeSince(was.get(key), at);
            if (acceptance != null) {
                changes.add(finding(acceptance, observation, acceptanceMessage(acceptance, was.get(key), observation), actor, at));
            }
        });
        if (fromState != now.state()) {
            changes.add(new ReadinessChange(at, ReadinessChangeKind.STATE_CHANGED, fromState, now.state(), null, null, null,
                    summary, actor));
        }
        return changes;
    }

    /**
     * Why the state is what it is, in one line: the failed checks, or the verdicts; and the acceptances that
     * expired since the check before, which is why their findings count again.
     */
    static Text summary(ReadinessStates states, ConnectionTestResult result, List<Observation> expired) {
        List<Text> parts = new ArrayList<>();
        if (states.state() == SourceReadinessState.UNREACHABLE) {
            result.checks().stream().filter(check -> check.status() == io.dsm.connection.CheckStatus.FAILED)
                    .map(check -> Text.of("watch.checkFailed", check.target().name(), check.name().name(),
                            check.message()))
                    .forEach(parts::add);
        } else {
            result.readiness().verdicts().stream().map(ReadinessVerdict::summary).forEach(parts::add);
        }
        if (!expired.isEmpty()) {
            parts.add(Text.of("watch.summary.acceptanceExpired",
                    String.join(", ", expired.stream().map(Observation::check).distinct().toList())));
        }
        return Words.sentences(parts);
    }

    /** The acceptance's side of the change, and what was found. */
    private static Text acceptanceMessage(ReadinessChangeKind kind, Observation was, Observation is) {
        FindingAcceptance acceptance = kind == ReadinessChangeKind.FINDING_ACCEPTED ? is.accepted() : was.accepted();
        Text text = switch (kind) {
            case FINDING_ACCEPTED -> acceptance.expiresAt() == null
                    ? Text.of("watch.history.findingAcceptedUntilRevoked", acceptance.acceptedBy(), acceptance.reason())
                    : Text.of("watch.history.findingAccepted", acceptance.acceptedBy(), acceptance.expiresAt().toString(),
                            acceptance.reason());
            case ACCEPTANCE_EXPIRED -> Text.of("watch.history.acceptanceExpired", acceptance.acceptedBy(),
                    String.valueOf(acceptance.expiresAt()));
            default -> Text.of("watch.history.findingReopened", acceptance.acceptedBy());
        };
        return Words.paragraph(List.of(text, is.message()));
    }

    private static ReadinessChange finding(ReadinessChangeKind kind, Observation observation, Text message, String actor,
            Instant at) {
        return new ReadinessChange(at, kind, null, null, observation.check(), observation.target(), observation.severity(),
                message, actor);
    }
}
