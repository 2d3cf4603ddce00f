package io.dsm.auth.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.auth.DsmAuthenticationMechanism;
import io.dsm.auth.Identities;
import io.dsm.auth.api.PasswordChangeInput;
import io.dsm.auth.api.SessionResponse;
import io.dsm.auth.api.SignInInput;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.security.Role;
import io.dsm.user.service.UserService;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** Console sign-in and sign-out: throttled, audited, and ending in a cookie the console's scripts cannot read. */
@ApplicationScoped
public class SessionService {

    /** A started session and the Set-Cookie value that carries it. */
    public record SignedIn(SessionResponse session, String cookie) {
    }

    private static final AuditEntry WRONG_PASSWORD = AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.FAILURE,
            "console: wrong username or password");

    private final Credentials credentials;
    private final SignInAttempts attempts;
    private final Sessions sessions;
    private final AuditLog audit;
    private final UserService users;

    public SessionService(Credentials credentials, SignInAttempts attempts, Sessions sessions, AuditLog audit, UserService users) {
        this.credentials = credentials;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
        this.users = users;
    }

    public SignedIn signIn(SignInInput input, RoutingContext context) {
        List<Violation> missing = new java.util.ArrayList<>();
        if (input == null || input.username() == null || input.username().isBlank()) {
            missing.add(Violation.of("username", "constraint.required"));
        }
        if (input == null || input.password() == null || input.password().isEmpty()) {
            missing.add(Violation.of("password", "constraint.required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        String address = RequestOrigin.addressOf(context);
        Optional<Credentials.Match> match = attempts.check(input.username(), address, WRONG_PASSWORD,
                () -> credentials.check(input.username(), input.password()));
        if (match.isEmpty()) {
            throw SignInRefused.wrongCredentials();
        }
        SignedInUser user = match.get().user();
        Sessions.Started started = sessions.start(user.id());
        audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, "console"), user.username(), address);
        return new SignedIn(new SessionResponse(user.username(), user.role(), started.csrfToken(), started.expiresAt()),
                cookie(started.token(), sessions.timeout().toSeconds(), secure(context)));
    }

    public SessionResponse current(SecurityIdentity identity) {
        String sessionToken = identity.getAttribute(Identities.SESSION_TOKEN);
        Role role = identity.getAttribute(Identities.ROLE);
        if (sessionToken == null) {
            return new SessionResponse(identity.getPrincipal().getName(), role, null, null);
        }
        return sessions.find(sessionToken)
                .map(found -> new SessionResponse(found.user().username(), found.user().role(), found.csrfToken(), found.expiresAt()))
                .orElseThrow(SignInRefused::sessionEnded);
    }

    /** Ends the session, if the request has one, and answers the Set-Cookie value that clears the cookie. */
    public String signOut(SecurityIdentity identity, RoutingContext context) {
        String sessionToken = identity.getAttribute(Identities.SESSION_TOKEN);
        if (sessionToken != null) {
            sessions.end(sessionToken);
            audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_OUT, AuditOutcome.SUCCESS, "console"));
        }
        return clearedCookie(context);
    }

    /** The Set-Cookie value that removes the session cookie from the browser. */
    public String clearedCookie(RoutingContext context) {
        return cookie("", 0, secure(context));
    }

    /** The current password is checked behind the sign-in throttle (see {@link SignInAttempts#isCurrent}). */
    public void changePassword(SecurityIdentity identity, UUID userId, PasswordChangeInput input) {
        users.changeOwnPassword(userId, input.currentPassword(), input.newPassword(),
                Optional.ofNullable(identity.getAttribute(Identities.SESSION_TOKEN)));
    }

    private static boolean secure(RoutingContext context) {
        return "https".equalsIgnoreCase(context.request().scheme());
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return DsmAuthenticationMechanism.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
