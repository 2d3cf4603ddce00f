package io.dsm.watch.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.connection.ConnectionTestResult;
import io.dsm.datasource.SourceReadinessState;

@Schema(name = "SourceReadiness", description = """
        What the readiness watch knows about a data source: its state, the latest report (the same as a connection \
        test's) and the history of changes, newest first.""")
public record SourceReadinessResponse(
        UUID dataSourceId,
        SourceReadinessState state,
        @Schema(nullable = true, description = "When the latest check finished; null before the first one.",
                examples = "2026-11-24T08:15:30.123456Z")
        Instant checkedAt,
        @Schema(nullable = true, description = "When the next background check is due; null when this instance does not "
                + "know (the watch is off).", examples = "2026-11-24T08:25:30.123456Z")
        Instant nextCheckAt,
        @Schema(description = "Blockers the latest check found, failed connection checks included.", examples = "0")
        int blockers,
        @Schema(description = "Warnings the latest check found.", examples = "1")
        int warnings,
        @Schema(description = "Blockers and warnings of the latest check that an acceptance covers: in its report, marked "
                + "accepted, but not in the state, blockers or warnings.", examples = "1")
        int accepted,
        @Schema(description = "How often the watch re-checks, in seconds (DSM_WATCH_INTERVAL).", examples = "600")
        long intervalSeconds,
        @Schema(nullable = true, description = "The latest check's full report; null before the first one.")
        ConnectionTestResult latest,
        @Schema(description = "What changed, newest first: at most DSM_WATCH_HISTORY_LIMIT entries, none older than "
                + "DSM_WATCH_HISTORY_RETENTION.")
        List<ReadinessChange> history) {
}
