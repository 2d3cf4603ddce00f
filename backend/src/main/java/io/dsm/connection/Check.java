package io.dsm.connection;

import io.dsm.common.i18n.Text;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


@Schema(name = "Check", description = "One step of a connection test.")
public record Check(
        CheckTarget target,
        CheckName name,
        CheckStatus status,
        @Schema(implementation = String.class, description = "What was found, in words a person understands, in the "
                + "request's language.", examples = "Password authentication failed for user \"migrator\".")
        Text message,
        @Schema(implementation = String.class, nullable = true, description = "How to fix it, in the request's language.",
                examples = "Check the username and password.")
        Text hint,
        @Schema(nullable = true, description = "The PostgreSQL SQLSTATE behind a failure, when there is one.", examples = "28P01")
        String sqlState) {
}
