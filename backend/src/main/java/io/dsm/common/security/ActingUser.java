package io.dsm.common.security;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in user a request acts for, as every domain may ask for it: sign-in puts the user's
 * id on the security identity, and the resources read it from there.
 */
public final class ActingUser {

    /** The identity attribute holding the user's id. */
    public static final String ID_ATTRIBUTE = "dsm.user-id";

    private ActingUser() {
    }

    public static UUID id(SecurityIdentity identity) {
        return identity.getAttribute(ID_ATTRIBUTE);
    }
}
