package io.dsm.user.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.crypto.Secret;
import io.dsm.common.security.Role;
import io.dsm.user.AccountRules;

/**
 * What a client sends to create or change a user. Its field constraints are checked with the rules
 * between fields by UserRules, the way DataSourceInput's are; the password is a {@link Secret}, so
 * no log line, exception or serialized copy of this record can carry it.
 */
@Schema(description = "A user to create, or the changes to one. On update the username cannot change, an absent password "
        + "keeps the current one, and `version` must be the one last read.")
public record UserInput(
        @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_MESSAGE)
        @Schema(description = "1 to 64 letters, digits, dots, hyphens or underscores; unique ignoring case. Required on create, "
                + "ignored on update.", maxLength = AccountRules.USERNAME_MAX, examples = "jane.doe")
        String username,

        @NotNull(message = AccountRules.ROLE_REQUIRED)
        @Schema(required = true)
        Role role,

        @Schema(type = SchemaType.STRING, format = "password", writeOnly = true, minLength = AccountRules.PASSWORD_MIN,
                maxLength = AccountRules.PASSWORD_MAX, description = "Required on create; on update, absent keeps the current "
                        + "password. Must not contain the username.")
        Secret password,

        @Schema(description = "Required on update: the version last read.", nullable = true)
        Long version) {
}
