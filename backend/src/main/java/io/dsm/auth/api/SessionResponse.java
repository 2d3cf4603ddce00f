package io.dsm.auth.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.security.Role;

@Schema(description = "Who is signed in. `csrfToken` is set for console sessions: send it as X-CSRF-Token with every change.")
public record SessionResponse(
        String username,
        Role role,
        @Schema(nullable = true, description = "The session's anti-forgery token; null for HTTP Basic.") String csrfToken,
        @Schema(nullable = true, description = "When the console session ends; null for HTTP Basic.") Instant expiresAt) {
}
