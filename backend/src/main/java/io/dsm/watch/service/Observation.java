package io.dsm.watch.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.AffectedObject;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.FindingAcceptance;
import io.dsm.readiness.FindingSeverity;
import io.dsm.watch.ReadinessChangeKind;

/**
 * Something a check found that the history follows: a failed connection check, or a readiness
 * finding worth acting on (a blocker or a warning), with the acceptance that covers it, if any. Two
 * observations are the same when their key is: whether it is accepted is not part of it.
 */
record Observation(String check, CheckTarget target, FindingSeverity severity, Text message, List<String> objects,
        FindingAcceptance accepted) {

    String key() {
        return check + "|" + target + "|" + severity;
    }

    boolean open() {
        return accepted == null;
    }

    /**
     * How its acceptance changed since the same observation {@code was}, checked at {@code at}: now accepted, or
     * counting again because the acceptance expired, or because it no longer covers it (revoked, or the finding
     * names another object); null when neither.
     */
    ReadinessChangeKind acceptanceChangeSince(Observation was, Instant at) {
        if (was.open() && !open()) {
            return ReadinessChangeKind.FINDING_ACCEPTED;
        }
        if (!was.open() && open()) {
            Instant expiresAt = was.accepted().expiresAt();
            return expiresAt != null && !expiresAt.isAfter(at) ? ReadinessChangeKind.ACCEPTANCE_EXPIRED
                    : ReadinessChangeKind.FINDING_REOPENED;
        }
        return null;
    }

    /** What a report found, by key, in the report's order. */
    static Map<String, Observation> of(ConnectionTestResult result) {
        Map<String, Observation> found = new LinkedHashMap<>();
        if (result == null) {
            return found;
        }
        result.checks().stream().filter(check -> check.status() == CheckStatus.FAILED)
                .map(check -> new Observation("connection." + check.name().name().toLowerCase(java.util.Locale.ROOT),
                        check.target(), FindingSeverity.BLOCKER, check.message(), List.of(), null))
                .forEach(observation -> found.putIfAbsent(observation.key(), observation));
        result.readiness().findings().stream().filter(finding -> finding.severity() != FindingSeverity.INFO)
                .map(finding -> new Observation(finding.check().id(), finding.target(), finding.severity(), finding.message(),
                        finding.objects().stream().map(AffectedObject::name).toList(), finding.accepted()))
                .forEach(observation -> found.putIfAbsent(observation.key(), observation));
        return found;
    }

    /** The observations of {@code before} whose acceptance expired by {@code at}, so that they count again in {@code after}. */
    static List<Observation> expiredAcceptances(ConnectionTestResult before, ConnectionTestResult after, Instant at) {
        Map<String, Observation> was = of(before);
        return of(after).values().stream().filter(is -> was.containsKey(is.key()))
                .filter(is -> is.acceptanceChangeSince(was.get(is.key()), at) == ReadinessChangeKind.ACCEPTANCE_EXPIRED)
                .map(is -> was.get(is.key())).toList();
    }
}
