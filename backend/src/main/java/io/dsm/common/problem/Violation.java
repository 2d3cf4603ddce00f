package io.dsm.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rejected input value, named by its JSON path (for example {@code standby.port}). */
@Schema(name = "Violation", description = "A rejected input value and why it was rejected.")
public record Violation(
        @Schema(description = "JSON path of the field, or the query parameter name.", examples = "standby.port")
        String field,
        @Schema(description = "What is wrong, in words a person understands.", examples = "must be between 1 and 65535")
        String message) {
}
