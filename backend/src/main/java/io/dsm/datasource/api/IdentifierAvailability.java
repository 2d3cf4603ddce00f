package io.dsm.datasource.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IdentifierAvailability")
public record IdentifierAvailability(
        @Schema(description = "True when no other data source uses the identifier, ignoring case.")
        boolean available) {
}
