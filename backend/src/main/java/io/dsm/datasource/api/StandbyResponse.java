package io.dsm.datasource.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Standby", description = "The standby of a PRIMARY_STANDBY data source.")
public record StandbyResponse(
        @Schema(examples = "10.0.12.8")
        String host,
        @Schema(examples = "5432")
        int port,
        @Schema(examples = "migrator")
        String username,
        @Schema(readOnly = true, description = "Whether a password is stored for the standby.")
        boolean passwordSet,
        @Schema(nullable = true, description = "Where the standby's password is read at each use, when it is not stored.")
        String passwordRef) {
}
