package io.dsm.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.auth.service.SignInRefused;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * How a request says who it is: HTTP Basic (API clients), or the console's session cookie. A
 * cookie-authenticated write must also carry the session's anti-forgery token in X-CSRF-Token; a
 * cross-site page can make the browser send the cookie, but cannot read the token.
 */
@ApplicationScoped
public class DsmAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "dsm_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by the console, so that a 401 does not make the browser open its own password dialog. */
    public static final String CONSOLE_HEADER = "X-Requested-With";
    /** Methods that change nothing; every other one is a change (CSRF token, {@link CrossSiteRequests}). */
    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(context, identities, authorization.substring(6).trim());
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !session.getValue().isEmpty()) {
            SessionAuthenticationRequest request = new SessionAuthenticationRequest(session.getValue());
            HttpSecurityUtils.setRoutingContextAttribute(request, context);
            return identities.authenticate(request).onItem().transform(identity -> checkCsrf(context, identity));
        }
        return Uni.createFrom().nullItem();
    }

    private static Uni<SecurityIdentity> basic(RoutingContext context, IdentityProviderManager identities, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(SignInRefused.malformedBasic());
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Uni.createFrom().failure(SignInRefused.malformedBasic());
        }
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(
                decoded.substring(0, colon), new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    private static SecurityIdentity checkCsrf(RoutingContext context, SecurityIdentity identity) {
        if (SAFE.contains(context.request().method())) {
            return identity;
        }
        String expected = identity.getAttribute(Identities.CSRF_TOKEN);
        String sent = context.request().getHeader(CSRF_HEADER);
        if (expected == null || sent == null || !java.security.MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            CsrfRejected rejected = new CsrfRejected();
            throw new io.quarkus.security.AuthenticationFailedException(rejected.getMessage(), rejected);
        }
        return identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(isConsole(context) ? new ChallengeData(401, null, null)
                : new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"dsm\", charset=\"UTF-8\""));
    }

    public static boolean isConsole(RoutingContext context) {
        return context.request().getHeader(CONSOLE_HEADER) != null || context.request().getCookie(SESSION_COOKIE) != null;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionAuthenticationRequest.class);
    }
}
