package io.dsm.common.problem;

import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure that reaches the HTTP layer onto one problem+json format. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return ProblemResponses.of(ProblemException.invalid(Violations.from(e.getConstraintViolations())).toProblem());
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e) {
        return ProblemResponses.of(StaleVersion.exception().toProblem());
    }

    @ServerExceptionMapper
    public Response staleUpdate(StaleStateException e) {
        return ProblemResponses.of(StaleVersion.exception().toProblem());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, "There is no resource at this address.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response problem = ProblemResponses.of(ProblemType.METHOD_NOT_ALLOWED,
                "This address does not accept this HTTP method.");
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Send the request body as application/json.");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return ProblemResponses.of(ProblemType.NOT_ACCEPTABLE,
                "This resource is available as application/json.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return JsonProblemMappers.respond(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return ProblemResponses.of(ProblemType.ofStatus(status, (known == null ? "Request rejected" : known.getReasonPhrase()) + "."));
    }

    @ServerExceptionMapper
    public Response outcomeUnknown(OutcomeUnknown e) {
        LOG.warn("dsm's store was lost while a change was committed; its outcome is unknown");
        return e.response();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request) {
        var unavailable = StoreUnavailable.detect(e);
        if (unavailable.isPresent() && unavailable.get().duringCommit()) {
            LOG.warnf("dsm's store was lost while a change was committed (%s); its outcome is unknown", unavailable.get().reason());
            String path = uri.getRequestUri().getRawPath();
            return OutcomeUnknown.response("this change (" + request.getMethod() + " " + path + ")", "GET " + path);
        }
        if (unavailable.isPresent()) {
            LOG.warnf("dsm's store is unreachable: %s", unavailable.get().reason());
            return Response.fromResponse(ProblemResponses.of(ProblemType.STORE_UNAVAILABLE,
                    "dsm's own database is unreachable. Retry in a few seconds."))
                    .header("Retry-After", OutcomeUnknown.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return ProblemResponses.of(ProblemType.INTERNAL,
                "An unexpected error occurred. Report the reference " + reference + " to the operator.");
    }
}
