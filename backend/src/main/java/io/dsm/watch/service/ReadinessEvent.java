package io.dsm.watch.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.dsm.connection.CheckTarget;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.FindingSeverity;

/**
 * The JSON event sent to DSM_WATCH_WEBHOOK_URL when a source's readiness state changes. It names
 * the source and what was found (messages may name its host), never a password.
 */
public record ReadinessEvent(UUID id, String type, Instant occurredAt, Source dataSource, SourceReadinessState previousState,
        SourceReadinessState state, int blockers, int warnings, String summary, List<Found> findings, String actor) {

    public static final String TYPE = "datasource.readiness.changed";

    public record Source(UUID id, String identifier) {
    }

    public record Found(String check, CheckTarget target, FindingSeverity severity, String message) {
    }
}
