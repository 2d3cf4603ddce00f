package io.dsm.common.http;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    public void refuse(RoutingContext context, ProblemType type, String detail) {
        String body;
        try {
            body = json.writeValueAsString(type.problem(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of the request is never read, so the connection closes once the answer is out.
        context.response().endHandler(sent -> context.request().connection().close());
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
