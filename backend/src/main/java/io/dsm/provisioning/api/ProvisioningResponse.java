package io.dsm.provisioning.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provisioning", description = "Data sources declared in files: whether DSM_PROVISIONING_DIR is set, and each file's last apply.")
public record ProvisioningResponse(
        @Schema(description = "Whether this instance reads a provisioning folder (DSM_PROVISIONING_DIR).")
        boolean enabled,
        @Schema(description = "Each file seen so far, by name.")
        List<ProvisioningFileResponse> files) {
}
