package io.dsm.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.auth.service.SignInRefused;
import io.dsm.auth.service.Sessions;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The console's session cookie: valid while its session exists in the store and has not expired. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final Sessions sessions;

    public SessionIdentityProvider(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.token())
                .map(found -> Identities.of(found.user())
                        .addAttribute(Identities.CSRF_TOKEN, found.csrfToken())
                        .addAttribute(Identities.SESSION_TOKEN, request.token())
                        .build())
                .orElseThrow(SignInRefused::sessionEnded));
    }
}
