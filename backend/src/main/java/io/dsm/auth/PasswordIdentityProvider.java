package io.dsm.auth;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.auth.service.Credentials;
import io.dsm.auth.service.SignInThrottle;
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
 * HTTP Basic for API clients: throttled per user and address, and recorded in the audit log when
 * refused, or when a password was checked against its hash (not on every request that reuses it).
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Credentials credentials;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    public PasswordIdentityProvider(Credentials credentials, SignInThrottle throttle, AuditLog audit) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.audit = audit;
    }

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
            var known = credentials.remembered(username, password);
            if (known.isPresent()) {
                return Identities.of(known.get()).build();
            }
            try {
                throttle.check(username, address);
            } catch (SignInThrottled throttled) {
                throw new AuthenticationFailedException(throttled.getMessage(), throttled);
            }
            var match = credentials.check(username, password);
            if (match.isEmpty()) {
                throttle.failed(username, address);
                audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.FAILURE,
                        "HTTP Basic: wrong username or password"), username, address);
                throw new AuthenticationFailedException("Wrong username or password.");
            }
            throttle.succeeded(username);
            if (match.get().checkedNow()) {
                audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, "HTTP Basic"),
                        match.get().user().username(), address);
            }
            return Identities.of(match.get().user()).build();
        });
    }
}
