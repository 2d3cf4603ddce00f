package io.dsm.common.http;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.i18n.Languages;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.Problem;
import io.dsm.common.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/** Refuses a request from a route filter, before any resource sees it, in problem+json like every other error. */
@ApplicationScoped
public class RouteRefusals {

    private final ObjectMapper json;

    public RouteRefusals(ObjectMapper json) {
        this.json = json;
    }

    /** The detail is written in the language the request's Accept-Language asks for (no resource, so no RequestLanguage). */
    public void refuse(RoutingContext context, ProblemType type, Text detail) {
        String body;
        try {
            body = json.writeValueAsString(type.problem(detail, Languages.ofHeader(context.request().getHeader("Accept-Language"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of the request is never read, so the connection closes once the answer is out.
        context.response().endHandler(sent -> context.request().connection().close());
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
