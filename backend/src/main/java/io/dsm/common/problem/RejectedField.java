package io.dsm.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A {@link Violation} as the API writes it: the field and why, in the request's language. */
@Schema(name = "Violation", description = "A rejected input value and why it was rejected.")
public record RejectedField(
        @Schema(description = "JSON path of the field, or the query parameter name.", examples = "standby.port")
        String field,
        @Schema(description = "What is wrong, in words a person understands.", examples = "must be between 1 and 65535")
        String message) {
}
