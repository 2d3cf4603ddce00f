package io.dsm.connection;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.FindingSeverity;

@Schema(name = "FindingAcceptance", description = """
        The acceptance that covers a finding: the finding stays in the report, but verdicts, the watch's state and its \
        counts leave it out.""")
public record FindingAcceptance(
        @Schema(format = "uuid", description = "The acceptance's id (DELETE /api/datasources/{id}/acceptances/{acceptanceId} "
                + "revokes it).")
        UUID id,
        @Schema(examples = "Insert-only audit table: it is never updated or deleted.")
        String reason,
        @Schema(examples = "jane")
        String acceptedBy,
        @Schema(nullable = true, description = "When it stops counting; null for a warning accepted until revoked.")
        Instant expiresAt,
        @Schema(description = "The most severe finding the acceptance covers; this finding is not above it.")
        FindingSeverity severity) {
}
