package io.dsm.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dsm.auth.service.SignInRefused;
import io.dsm.auth.service.SignInThrottled;
import io.dsm.common.i18n.RequestLanguage;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemResponses;
import io.dsm.common.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;

/** 401, 403 and 429 in the same problem+json format as every other error. */
public class AuthProblemMappers {

    @Inject
    RequestLanguage language;

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, RoutingContext context) {
        return unauthorized(Text.of("problem.sign-in.first"), context);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, RoutingContext context) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SignInThrottled throttled) {
                return ProblemResponses.retryLater(throttled, language.locale());
            }
            if (cause instanceof CsrfRejected csrf) {
                return csrf(csrf);
            }
            if (cause instanceof SignInRefused refusal) {
                return unauthorized(refusal.text(), context);
            }
        }
        return unauthorized(Text.of("problem.sign-in.wrong"), context);
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejected e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, e.text(), language.locale());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, Text.of("problem.forbidden.role"), language.locale());
    }

    private Response unauthorized(Text detail, RoutingContext context) {
        Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED, detail,
                language.locale()));
        if (context == null || !DsmAuthenticationMechanism.isConsole(context)) {
            response.header("WWW-Authenticate", "Basic realm=\"dsm\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
