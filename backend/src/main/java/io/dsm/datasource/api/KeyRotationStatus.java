package io.dsm.datasource.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Stored passwords and the key that encrypts them. `remaining` is 0 once every password is under "
        + "DSM_SECRET_KEY; DSM_SECRET_KEY_PREVIOUS can then be removed.")
public record KeyRotationStatus(
        @Schema(description = "Fingerprint of DSM_SECRET_KEY (not the key).") String keyFingerprint,
        @Schema(description = "Data sources re-encrypted by this request (0 for a status read).") long resealed,
        @Schema(description = "Data sources whose passwords are still under another key.") long remaining,
        @Schema(description = "Data sources under a key dsm does not have: their passwords must be entered again.") long unreadable) {
}
