package io.dsm.provisioning.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.provisioning.FileStatus;

@Schema(name = "ProvisioningFile", description = "The last apply of one provisioning file.")
public record ProvisioningFileResponse(
        @Schema(description = "The file's name in DSM_PROVISIONING_DIR.", examples = "orders.yaml")
        String file,
        FileStatus status,
        @Schema(description = "When the file was last looked at and applied, or found failing.", examples = "2026-11-24T08:15:30.123456Z")
        Instant checkedAt,
        @Schema(nullable = true, description = "When the file was last applied successfully.", examples = "2026-11-24T08:15:30.123456Z")
        Instant appliedAt,
        @Schema(description = "Whether the file removes the data sources it declared before and lists no more.")
        boolean prune,
        @Schema(description = "How many data sources the last successful apply declared.", examples = "3")
        int dataSources,
        @Schema(description = "Why the file was not applied: empty unless status is FAILED.")
        List<Error> errors) {

    @Schema(name = "ProvisioningError", description = "One reason a provisioning file was not applied.")
    public record Error(
            @Schema(nullable = true, description = "The line in the file, from 1, when known.", examples = "12")
            Integer line,
            @Schema(nullable = true, description = "The field, as a path in the file.", examples = "dataSources[0].port")
            String field,
            @Schema(description = "What is wrong, in the API's words.", examples = "must be between 1 and 65535")
            String message) {
    }
}
