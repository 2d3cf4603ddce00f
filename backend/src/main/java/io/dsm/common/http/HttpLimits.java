package io.dsm.common.http;

import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dsm.common.problem.Problem;
import io.dsm.common.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The limits of a request's line, headers and body, answered in problem+json like every other
 * error (414, 431, 413). Vert.x's codec answers requests beyond its own limits with a bare status
 * before any handler sees them, and Quarkus offers no hook into that (quarkusio/quarkus#55082). So
 * the codec's limits are set well above dsm's (application.properties) and this filter, the first
 * on every route, enforces dsm's. Beyond the codec's limits the codec's bare answer remains.
 */
@ApplicationScoped
public class HttpLimits {

    /** The longest request line (method, URI and version), as the codec counted it before. */
    public static final int MAX_REQUEST_LINE = 4096;
    /** The most header bytes (names and values), as the codec counted them before. */
    public static final int MAX_HEADERS = 20 * 1024;
    private static final int BEFORE_EVERY_ROUTE = -1_000_000;

    private final ObjectMapper json;
    private final long maxBody;

    public HttpLimits(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.json = json;
        this.maxBody = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_EVERY_ROUTE).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLineLength(request) > MAX_REQUEST_LINE) {
            reject(context, ProblemType.URI_TOO_LONG, "The address is longer than " + MAX_REQUEST_LINE
                    + " characters; send long filters in fewer or shorter query parameters.");
        } else if (headersLength(request) > MAX_HEADERS) {
            reject(context, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than " + MAX_HEADERS + " bytes.");
        } else if (contentLength(request).orElse(0) > maxBody) {
            reject(context, ProblemType.CONTENT_TOO_LARGE, "The request body is larger than " + maxBody + " bytes.");
        } else {
            context.next();
        }
    }

    private void reject(RoutingContext context, ProblemType type, String detail) {
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

    private static int requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
    }

    private static int headersLength(HttpServerRequest request) {
        int length = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            length += header.getKey().length() + 2 + header.getValue().length();
        }
        return length;
    }

    private static OptionalLong contentLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        try {
            return declared == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(declared.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
