package io.dsm.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dsm.common.http.HttpLimits;
import io.dsm.common.http.RouteRefusals;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every change (any method but GET, HEAD and OPTIONS) that a page of another site could have
 * made a browser send, before any credential is looked at. A cross-site form or a no-cors fetch
 * carries the Basic credentials or the session cookie the browser holds, so only what the browser
 * says about where the request comes from tells it apart, and its Content-Type: a page cannot send
 * application/json to another origin without a CORS preflight, which dsm never grants.
 * <ol>
 * <li>{@code Sec-Fetch-Site} (set by the browser, never by the page) other than {@code same-origin}
 * or {@code none}: 403.</li>
 * <li>Without it (older browsers), an {@code Origin} other than dsm's own: 403. dsm's own origin is
 * the host and port the request was sent to: its Host header, or X-Forwarded-Host when a trusted
 * proxy sends it (quarkus.http.proxy.enable-forwarded-host). No Origin at all is an API client.</li>
 * <li>A Content-Type other than application/json, or a body without one: 415. A change without a
 * body needs no Content-Type (curl -X POST).</li>
 * </ol>
 */
@ApplicationScoped
public class CrossSiteRequests {

    private final RouteRefusals refusals;

    public CrossSiteRequests(RouteRefusals refusals) {
        this.refusals = refusals;
    }

    void register(@Observes Router router) {
        router.route().order(HttpLimits.BEFORE_EVERY_ROUTE + 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (DsmAuthenticationMechanism.SAFE.contains(request.method())) {
            context.next();
        } else if (fromAnotherSite(request)) {
            refusals.refuse(context, ProblemType.FORBIDDEN, Text.of("problem.cross-site"));
        } else if (!sentAsJson(request)) {
            refusals.refuse(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, Text.of("problem.changes-as-json"));
        } else {
            context.next();
        }
    }

    private static boolean fromAnotherSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && !isOwn(origin, request.authority());
    }

    /** Whether the Origin names the host and port the request was sent to; "null" and anything unparsable do not. */
    private static boolean isOwn(String origin, HostAndPort own) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (own == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        int originPort = uri.getPort() == -1 ? defaultPort : uri.getPort();
        int ownPort = own.port() == -1 ? defaultPort : own.port();
        return unbracketed(uri.getHost()).equalsIgnoreCase(unbracketed(own.host())) && originPort == ownPort;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean sentAsJson(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || type.isBlank()) {
            return request.getHeader("Transfer-Encoding") == null && HttpLimits.contentLength(request).orElse(0) == 0;
        }
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }
}
