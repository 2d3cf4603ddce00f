package io.dsm.user.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.security.Role;

@Schema(description = "A user of dsm. The password is never returned.")
public record UserResponse(@Schema(format = "uuid") UUID id, String username, Role role, Instant createdAt, Instant updatedAt,
        long version) {
}
