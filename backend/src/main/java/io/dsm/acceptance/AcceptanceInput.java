package io.dsm.acceptance;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.FindingSeverity;

@Schema(name = "AcceptanceInput", description = """
        A readiness finding to accept as a risk. Findings it covers stay in every report, marked accepted, and no longer \
        count in verdicts and the watch's state.""")
public record AcceptanceInput(
        @Schema(required = true, description = "A readiness check id (GET /api/readiness/checks) whose `acceptable` is true; "
                + "connection checks can never be accepted.", examples = "tables.replica_identity")
        String check,
        @Schema(description = "The exact names of the objects accepted, as the findings list them. Required for a check that "
                + "names objects (`namesObjects`), where a finding naming any other object is not covered; empty for a check "
                + "that names none.", examples = "[\"app.events\"]")
        List<String> objects,
        @Schema(required = true, minLength = 1, maxLength = AcceptanceInput.MAX_REASON, description = "Why the risk is "
                + "accepted, for whoever answers for it later.", examples = "Insert-only audit table: it is never updated or deleted.")
        String reason,
        @Schema(nullable = true, description = "When the acceptance stops counting. Required when the severity accepted is "
                + "BLOCKER; at most DSM_ACCEPTANCE_MAX_DAYS (90) days ahead.", examples = "2027-03-01T00:00:00Z")
        Instant expiresAt,
        @Schema(nullable = true, description = "The most severe finding accepted: WARNING or BLOCKER, and never above what "
                + "the check can raise (`worstSeverity`), which it is by default. A finding of the check that rises above it "
                + "counts again. INFO only for a check that raises nothing worse.", examples = "WARNING")
        FindingSeverity severity) {

    public static final int MAX_REASON = 1000;
    public static final int MAX_OBJECTS = 500;
    public static final int MAX_OBJECT_NAME = 300;
}
