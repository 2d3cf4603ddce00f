package io.dsm.acceptance.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.acceptance.AcceptanceSource;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;

@Schema(name = "AcceptanceResponse", description = "A readiness finding accepted as a risk: who decided, why, for which objects "
        + "and until when. Expired acceptances are kept for the record; they cover nothing.")
public record AcceptanceResponse(
        @Schema(format = "uuid") UUID id,
        @Schema(format = "uuid") UUID dataSourceId,
        ReadinessCheck check,
        @Schema(description = "The objects covered; empty covers every finding of a check that names no objects.",
                examples = "[\"app.events\"]")
        List<String> objects,
        @Schema(examples = "Insert-only audit table: it is never updated or deleted.")
        String reason,
        @Schema(description = "The signed-in user who accepted it, or for source FILE the provisioning file that declares it.",
                examples = "jane")
        String acceptedBy,
        Instant acceptedAt,
        @Schema(nullable = true, description = "When it stops counting; null for a warning accepted until revoked.")
        Instant expiresAt,
        @Schema(description = "The most severe finding it covers; a finding of the check that rises above it counts again.")
        FindingSeverity severity,
        AcceptanceSource source,
        @Schema(description = "Whether it has expired and covers nothing any more.")
        boolean expired) {
}
