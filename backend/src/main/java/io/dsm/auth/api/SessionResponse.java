package io.dsm.auth.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.security.Role;

@Schema(description = "Who is signed in. When `signedIn` is false (GET /api/session without a session) no other field is sent. "
        + "`csrfToken` is set for console sessions: send it as X-CSRF-Token with every change.")
public record SessionResponse(
        @Schema(description = "Whether a user is signed in; the other fields are sent only when one is.") boolean signedIn,
        @Schema(description = "The signed-in user; absent when nobody is signed in.") String username,
        @Schema(description = "The signed-in user's role; absent when nobody is signed in.") Role role,
        @Schema(nullable = true, description = "The session's anti-forgery token; null for HTTP Basic.") String csrfToken,
        @Schema(nullable = true, description = "When the console session ends; null for HTTP Basic.") Instant expiresAt) {

    /** A signed-in user's session. */
    public SessionResponse(String username, Role role, String csrfToken, Instant expiresAt) {
        this(true, username, role, csrfToken, expiresAt);
    }
}
