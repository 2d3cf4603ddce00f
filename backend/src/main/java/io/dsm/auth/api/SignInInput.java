package io.dsm.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Credentials to sign in to the console.")
public record SignInInput(
        @Schema(required = true, minLength = 1, examples = "admin") String username,
        @Schema(required = true, minLength = 1, format = "password", writeOnly = true) String password) {

    @Override
    public String toString() {
        return "SignInInput[username=" + username + "]";
    }
}
