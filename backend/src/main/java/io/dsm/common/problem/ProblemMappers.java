package io.dsm.common.problem;

import java.util.UUID;

import jakarta.inject.Inject;
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

import io.dsm.common.i18n.RequestLanguage;
import io.dsm.common.i18n.Text;

/** Maps every failure that reaches the HTTP layer onto one problem+json format, in the request's language. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestLanguage language;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e.toProblem(language.locale()));
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return ProblemResponses.of(ProblemException.invalid(Violations.from(e.getConstraintViolations())).toProblem(language.locale()));
    }

    @ServerExceptionMapper
    public Response retryLater(RetryLater e) {
        return ProblemResponses.retryLater(e, language.locale());
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e) {
        return ProblemResponses.of(StaleVersion.exception().toProblem(language.locale()));
    }

    @ServerExceptionMapper
    public Response staleUpdate(StaleStateException e) {
        return ProblemResponses.of(StaleVersion.exception().toProblem(language.locale()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, Text.of("problem.no-resource"), language.locale());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response problem = ProblemResponses.of(ProblemType.METHOD_NOT_ALLOWED,
                Text.of("problem.method-not-allowed"), language.locale());
        return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                Text.of("problem.unsupported-media-type"), language.locale());
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return ProblemResponses.of(ProblemType.NOT_ACCEPTABLE,
                Text.of("problem.not-acceptable"), language.locale());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return JsonProblemMappers.respond(unreadable, language.locale());
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        // The reason phrase is HTTP's own vocabulary, the same in every language.
        Text detail = known == null ? Text.of("problem.request-rejected") : Text.of("problem.status", known.getReasonPhrase());
        return ProblemResponses.of(ProblemType.ofStatus(status, detail, language.locale()));
    }

    @ServerExceptionMapper
    public Response outcomeUnknown(OutcomeUnknown e) {
        LOG.warn("dsm's store was lost while a change was committed; its outcome is unknown");
        return e.response(language.locale());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request) {
        var unavailable = StoreUnavailable.detect(e);
        if (unavailable.isPresent() && unavailable.get().duringCommit()) {
            LOG.warnf("dsm's store was lost while a change was committed (%s); its outcome is unknown", unavailable.get().reason());
            String path = uri.getRequestUri().getRawPath();
            return OutcomeUnknown.response(Text.of("outcome.this-change", request.getMethod() + " " + path), "GET " + path,
                    language.locale());
        }
        if (unavailable.isPresent()) {
            LOG.warnf("dsm's store is unreachable: %s", unavailable.get().reason());
            return Response.fromResponse(ProblemResponses.of(ProblemType.STORE_UNAVAILABLE,
                    Text.of("problem.store-unavailable"), language.locale()))
                    .header("Retry-After", OutcomeUnknown.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return ProblemResponses.of(ProblemType.INTERNAL, Text.of("problem.internal", reference), language.locale());
    }
}
