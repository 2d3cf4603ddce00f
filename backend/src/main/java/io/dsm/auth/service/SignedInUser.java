package io.dsm.auth.service;

import java.util.UUID;

import io.dsm.common.security.Role;

/** Who a request acts for, once their password or session was checked. */
public record SignedInUser(UUID id, String username, Role role) {
}
