package io.dsm.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


@Schema(name = "Check", description = "One step of a connection test.")
public record Check(
        CheckTarget target,
        CheckName name,
        CheckStatus status,
        @Schema(description = "What was found, in words a person understands.",
                examples = "Password authentication failed for user \"migrator\".")
        String message,
        @Schema(nullable = true, description = "How to fix it.", examples = "Check the username and password.")
        String hint,
        @Schema(nullable = true, description = "The PostgreSQL SQLSTATE behind a failure, when there is one.", examples = "28P01")
        String sqlState) {
}
