package io.dsm.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.Change;

@Schema(description = "One recorded action: who, when, from where, on which data source, and what changed.")
public record AuditEventResponse(
        long id,
        Instant occurredAt,
        @Schema(nullable = true, description = "The username acting, or the one tried in a failed sign-in; \"system\" for dsm itself.") String actor,
        @Schema(nullable = true) String clientAddress,
        AuditAction action,
        AuditOutcome outcome,
        @Schema(nullable = true, format = "uuid") UUID dataSourceId,
        @Schema(nullable = true) String dataSourceIdentifier,
        List<Change> changes,
        @Schema(nullable = true) String detail) {
}
