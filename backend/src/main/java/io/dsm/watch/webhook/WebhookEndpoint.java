package io.dsm.watch.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.dsm.config.StartupFailure;
import io.dsm.connection.service.Hosts;

/**
 * Where events go: DSM_WATCH_WEBHOOK_URL, checked at startup. Its path and query often hold the
 * receiver's token (Slack, Teams and most chat hooks work that way), so only {@link #origin()} is ever
 * logged or stored, and a startup failure never echoes the value.
 *
 * @param host the host name or IP literal as dialed and verified by TLS (an IPv6 literal without brackets)
 * @param hostHeader the Host header: the authority as written, with the port when it is not the scheme's default
 * @param requestTarget the raw path and query, as sent on the request line
 */
record WebhookEndpoint(boolean https, String host, int port, String hostHeader, String requestTarget) {

    static final String VARIABLE = "DSM_WATCH_WEBHOOK_URL";
    private static final String EXAMPLE = "Example: " + VARIABLE + "=https://hooks.example.com/dsm";

    /** @throws StartupFailure naming the variable and what is wrong, without the value */
    static WebhookEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque()) {
            throw invalid("must be an absolute http or https URL");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("must use http or https, not " + scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry user info (user:password@); sign events with DSM_WATCH_WEBHOOK_SECRET instead");
        }
        if (uri.getHost() == null) {
            throw invalid("has no valid host name");
        }
        boolean https = scheme.equals("https");
        int defaultPort = https ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("has a port outside 1-65535");
        }
        String hostHeader = uri.getHost() + (port == defaultPort ? "" : ":" + port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTarget = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WebhookEndpoint(https, Hosts.unbracketed(uri.getHost()), port, hostHeader, requestTarget);
    }

    private static StartupFailure invalid(String what) {
        return new StartupFailure(VARIABLE + " " + what + ". " + EXAMPLE);
    }

    /** Scheme, host and port: what logs and errors may show. */
    String origin() {
        return (https ? "https://" : "http://") + hostHeader;
    }

    /** Only the origin: a record's default text would print the path, which may hold a token. */
    @Override
    public String toString() {
        return origin();
    }
}
