package io.dsm.connection;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConnectionTestResult", description = "The outcome of a connection test that ran, passed or not.")
public record ConnectionTestResult(
        @Schema(description = "True when no check FAILED (warnings allowed).")
        boolean success,
        @Schema(description = "How long the whole test took.", examples = "41")
        long elapsedMs,
        @Schema(nullable = true, description = "The server's version, when a connection was made.", examples = "15.18")
        String serverVersion,
        @Schema(description = "The connection checks, in the order they ran; `success` is about these only.")
        List<Check> checks,
        ReadinessReport readiness) {
}
