package io.dsm.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A signed-in user's new password, with the current one as proof.")
public record PasswordChangeInput(
        @Schema(required = true, format = "password", writeOnly = true) String currentPassword,
        @Schema(required = true, format = "password", writeOnly = true, minLength = 12, maxLength = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeInput[]";
    }
}
