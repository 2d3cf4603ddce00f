package io.dsm.common.http;

import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dsm.common.i18n.Text;
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
    /** Where this filter runs: before every route; other filters that must run early come right after it. */
    public static final int BEFORE_EVERY_ROUTE = -1_000_000;

    private final RouteRefusals refusals;
    private final long maxBody;

    public HttpLimits(RouteRefusals refusals, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.refusals = refusals;
        this.maxBody = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_EVERY_ROUTE).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLineLength(request) > MAX_REQUEST_LINE) {
            refusals.refuse(context, ProblemType.URI_TOO_LONG, Text.of("problem.uri-too-long", Integer.toString(MAX_REQUEST_LINE)));
        } else if (headersLength(request) > MAX_HEADERS) {
            refusals.refuse(context, ProblemType.HEADERS_TOO_LARGE, Text.of("problem.headers-too-large", Integer.toString(MAX_HEADERS)));
        } else if (contentLength(request).orElse(0) > maxBody) {
            refusals.refuse(context, ProblemType.CONTENT_TOO_LARGE, Text.of("problem.content-too-large", Long.toString(maxBody)));
        } else {
            context.next();
        }
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

    /** The Content-Length the request declares, if it declares a number. */
    public static OptionalLong contentLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        try {
            return declared == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(declared.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
