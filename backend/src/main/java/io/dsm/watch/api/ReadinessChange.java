package io.dsm.watch.api;

import java.time.Instant;

import io.dsm.common.i18n.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.connection.CheckTarget;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.FindingSeverity;
import io.dsm.watch.ReadinessChangeKind;

@Schema(name = "ReadinessChange", description = "One entry of a data source's readiness history.")
public record ReadinessChange(
        @Schema(examples = "2026-11-24T08:15:30.123456Z")
        Instant occurredAt,
        ReadinessChangeKind kind,
        @Schema(nullable = true, description = "For STATE_CHANGED: the state before.")
        SourceReadinessState fromState,
        @Schema(nullable = true, description = "For STATE_CHANGED: the state after.")
        SourceReadinessState toState,
        @Schema(nullable = true, description = "For a finding: the readiness check's id, or connection.<check> for a failed "
                + "connection check.", examples = "tables.replica_identity")
        String check,
        @Schema(nullable = true, description = "For a finding: the endpoint it was found on.")
        CheckTarget target,
        @Schema(nullable = true, description = "For a finding: how serious it was.")
        FindingSeverity severity,
        @Schema(implementation = String.class, nullable = true, description = "What was found, or why the state changed.",
                examples = "1 table in scope has no replica identity")
        Text message,
        @Schema(description = "Who caused the check: readiness-watch for the background check, else the user who asked for it.",
                examples = "readiness-watch")
        String actor) {
}
