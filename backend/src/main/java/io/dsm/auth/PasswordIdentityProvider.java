package io.dsm.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.auth.service.Credentials;
import io.dsm.auth.service.SignInAttempts;
import io.dsm.auth.service.SignInRefused;
import io.dsm.auth.service.SignInThrottled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Basic for API clients: behind the sign-in throttle like every password check (a remembered
 * password included), and recorded in the audit log when refused, or when a password was checked
 * against its hash (not on every request that reuses it).
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final AuditEntry WRONG_PASSWORD = AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.FAILURE,
            "HTTP Basic: wrong username or password");

    @Inject
    Credentials credentials;
    @Inject
    SignInAttempts attempts;
    @Inject
    AuditLog audit;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? null : RequestOrigin.addressOf(routing);
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            Optional<Credentials.Match> match;
            try {
                match = attempts.check(username, address, WRONG_PASSWORD, () -> credentials.check(username, password));
            } catch (SignInThrottled throttled) {
                throw new AuthenticationFailedException(throttled.getMessage(), throttled);
            }
            if (match.isEmpty()) {
                throw SignInRefused.wrongCredentials();
            }
            if (match.get().checkedNow()) {
                audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, "HTTP Basic"),
                        match.get().user().username(), address);
            }
            return Identities.of(match.get().user()).build();
        });
    }
}
