package io.dsm.auth;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dsm.auth.service.SignInThrottled;
import io.dsm.common.problem.ProblemResponses;
import io.dsm.common.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;

/** 401, 403 and 429 in the same problem+json format as every other error. */
public class AuthProblemMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, RoutingContext context) {
        return unauthorized("Sign in first: send HTTP Basic credentials, or sign in to the console.", context);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, RoutingContext context) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SignInThrottled throttled) {
                return throttled(throttled);
            }
            if (cause instanceof CsrfRejected csrf) {
                return csrf(csrf);
            }
        }
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "Wrong username or password.";
        return unauthorized(detail, context);
    }

    @ServerExceptionMapper
    public Response throttled(SignInThrottled e) {
        return ProblemResponses.retryLater(ProblemType.TOO_MANY_SIGN_INS, e.getMessage(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejected e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN,
                "Your role does not allow this. Ask an administrator for the role it needs.");
    }

    static Response unauthorized(String detail, RoutingContext context) {
        Response.ResponseBuilder response = Response.fromResponse(ProblemResponses.of(ProblemType.UNAUTHORIZED, detail));
        if (context == null || !DsmAuthenticationMechanism.isConsole(context)) {
            response.header("WWW-Authenticate", "Basic realm=\"dsm\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
