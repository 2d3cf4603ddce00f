package io.dsm.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.user.AccountRules;

@Schema(description = "A signed-in user's new password, with the current one as proof.")
public record PasswordChangeInput(
        @Schema(required = true, format = "password", writeOnly = true, minLength = 1) String currentPassword,
        @Schema(required = true, format = "password", writeOnly = true, minLength = AccountRules.PASSWORD_MIN,
                maxLength = AccountRules.PASSWORD_MAX, description = "Must not contain your username, and must differ from "
                        + "the current password.") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeInput[]";
    }
}
