package io.dsm.auth;

import io.dsm.auth.service.SignedInUser;
import io.dsm.common.security.ActingUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Security identities for signed-in users: the user's role and every lesser one. */
public final class Identities {

    public static final String USER_ID = ActingUser.ID_ATTRIBUTE;
    public static final String ROLE = "dsm.role";
    public static final String CSRF_TOKEN = "dsm.csrf-token";
    public static final String SESSION_TOKEN = "dsm.session-token";

    private Identities() {
    }

    static QuarkusSecurityIdentity.Builder of(SignedInUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.role().granted())
                .addAttribute(USER_ID, user.id())
                .addAttribute(ROLE, user.role());
    }

    public static java.util.UUID userId(SecurityIdentity identity) {
        return ActingUser.id(identity);
    }
}
