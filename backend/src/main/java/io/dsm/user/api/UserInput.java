package io.dsm.user.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.security.Role;

@Schema(description = "A user to create, or the changes to one. On update the username cannot change, an absent password "
        + "keeps the current one, and `version` must be the one last read.")
public record UserInput(
        @Schema(description = "1 to 64 letters, digits, dots, hyphens or underscores; unique ignoring case. Ignored on update.",
                pattern = "^[A-Za-z0-9._-]{1,64}$", examples = "jane.doe") String username,
        @Schema(required = true) Role role,
        @Schema(format = "password", writeOnly = true, minLength = 12, maxLength = 128,
                description = "Required on create; on update, absent keeps the current password.") String password,
        @Schema(description = "Required on update: the version last read.", nullable = true) Long version) {

    @Override
    public String toString() {
        return "UserInput[username=" + username + ", role=" + role + "]";
    }
}
