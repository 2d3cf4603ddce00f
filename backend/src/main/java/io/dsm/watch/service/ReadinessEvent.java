package io.dsm.watch.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.dsm.connection.CheckTarget;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.FindingSeverity;

/**
 * The JSON event sent to DSM_WATCH_WEBHOOK_URL when a source's readiness state changes, or an acceptance of one
 * of its findings expires. It names the source and what was found (messages may name its host), never a password.
 * {@code findings} are the open ones, which the state counts; {@code acceptedFindings} those an acceptance covers;
 * {@code expiredAcceptances} the findings whose acceptance expired since the check before, which count again.
 */
public record ReadinessEvent(UUID id, String type, Instant occurredAt, Source dataSource, SourceReadinessState previousState,
        SourceReadinessState state, int blockers, int warnings, int accepted, String summary, List<Found> findings,
        List<Accepted> acceptedFindings, List<Accepted> expiredAcceptances, String actor) {

    public static final String TYPE = "datasource.readiness.changed";

    public record Source(UUID id, String identifier) {
    }

    public record Found(String check, CheckTarget target, FindingSeverity severity, String message) {
    }

    /** A finding and the acceptance that covers it (or covered it, until it expired). */
    public record Accepted(String check, CheckTarget target, FindingSeverity severity, List<String> objects, UUID acceptanceId,
            String reason, String acceptedBy, Instant expiresAt) {
    }

    static Found found(Observation observation) {
        return new Found(observation.check(), observation.target(), observation.severity(), observation.message().english());
    }

    static Accepted accepted(Observation observation) {
        return new Accepted(observation.check(), observation.target(), observation.severity(), observation.objects(),
                observation.accepted().id(), observation.accepted().reason(), observation.accepted().acceptedBy(),
                observation.accepted().expiresAt());
    }
}
