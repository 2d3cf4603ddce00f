package io.dsm.watch.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;

/**
 * The application's one HTTP client for webhook deliveries: Vert.x's, on Quarkus's Vert.x instance.
 * A client that resolves the URL's host itself could be pointed, by a DNS answer that changes between
 * the address policy's check and the connect (DNS rebinding), at an address the policy forbids. Here
 * each request dials an address the policy approved ({@link RequestOptions#setServer}), while the Host
 * header, SNI and the certificate's host verification use the URL's host name, exactly as if the
 * client had resolved it.
 *
 * <p>The whole attempt is bounded by one deadline: the connect's timeout, then a wait for the
 * answer's head that resets the request when the deadline passes, so a receiver that accepts and then
 * trickles (or never answers) holds the delivery thread no longer than DSM_WATCH_WEBHOOK_TIMEOUT.
 * Only the head is read, within {@link #MAX_HEAD}; the connection is closed without reading the body.
 * Redirects are not followed.
 */
@Singleton
final class WebhookClient {

    /** What the receiver answered; the body is not read. */
    record Response(int status, String reason, Optional<Duration> retryAfter) {
    }

    /** The most of the answer's status line, and of its headers together, read before it is refused. */
    private static final int MAX_HEAD = 8 * 1024;
    private static final int MAX_REASON = 80;

    private final HttpClient client;

    /** Trusts what every other outbound TLS connection of the JVM trusts (its default trust store). */
    @Inject
    WebhookClient(Vertx vertx) {
        this.client = vertx.createHttpClient(options());
    }

    /** Trusts only what {@code trust} trusts: for receivers with certificates of their own making. */
    WebhookClient(Vertx vertx, TrustOptions trust) {
        this.client = vertx.createHttpClient(options().setTrustOptions(trust));
    }

    private static HttpClientOptions options() {
        return new HttpClientOptions()
                .setName("dsm-webhook")
                .setVerifyHost(true)
                .setForceSni(true)
                // Events may be hours apart: a connection per attempt (Connection: close), none kept idle.
                .setKeepAlive(false)
                .setMaxInitialLineLength(MAX_HEAD)
                .setMaxHeaderSize(MAX_HEAD)
                // The attempt's deadline bounds the handshake, as it bounds the rest; Vert.x's own default would cut it at 10 s.
                .setSslHandshakeTimeout(WebhookSettings.MAX_TIMEOUT.toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Tries the addresses in order until one accepts the connection, then sends the request there.
     *
     * @throws SocketTimeoutException when the deadline passed, whatever was under way
     */
    Response post(WebhookEndpoint endpoint, List<InetAddress> addresses, Map<String, String> headers, byte[] body,
            long deadlineNanos) throws IOException {
        ConnectException refused = null;
        for (InetAddress address : addresses) {
            try {
                return exchange(request(endpoint, address, headers, deadlineNanos), endpoint, body, deadlineNanos);
            } catch (ConnectException e) {
                refused = e;
            }
        }
        throw refused != null ? refused : new ConnectException("no address to connect to");
    }

    private static RequestOptions request(WebhookEndpoint endpoint, InetAddress address, Map<String, String> headers,
            long deadlineNanos) throws SocketTimeoutException {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // The IP literal, never a name: nothing is left for Vert.x to resolve.
                .setServer(SocketAddress.inetSocketAddress(endpoint.port(), address.getHostAddress()))
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.https())
                .setURI(endpoint.requestTarget())
                .setFollowRedirects(false)
                .setConnectTimeout(remainingMillis(deadlineNanos))
                // As the URL has it (an IPv6 literal keeps its brackets); Vert.x keeps a Host header it is given.
                .putHeader("Host", endpoint.hostHeader());
        headers.forEach(request::putHeader);
        return request;
    }

    private Response exchange(RequestOptions options, WebhookEndpoint endpoint, byte[] body, long deadlineNanos)
            throws IOException {
        AtomicReference<HttpClientRequest> started = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<Response> answer = client.request(options).compose(request -> {
            started.set(request);
            if (abandoned.get()) {
                // The deadline passed while connecting: nothing may be sent any more.
                request.reset();
                return Future.<Response>failedFuture(new SocketTimeoutException("no answer in time"));
            }
            // Its failures reach this request's future; the connection's own report would be a second, ERROR line.
            request.connection().exceptionHandler(reported -> {
            });
            return request.send(Buffer.buffer(body)).map(WebhookClient::head);
        });
        try {
            return answer.toCompletionStage().toCompletableFuture().get(remainingNanos(deadlineNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(abandoned, started);
            throw new SocketTimeoutException("no answer in time");
        } catch (InterruptedException e) {
            abandon(abandoned, started);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the receiver");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), endpoint, deadlineNanos);
        }
    }

    /** Whichever of this and the request's start comes second resets the request: set, then read, on both sides. */
    private static void abandon(AtomicBoolean abandoned, AtomicReference<HttpClientRequest> started) {
        abandoned.set(true);
        HttpClientRequest request = started.get();
        if (request != null) {
            request.reset();
        }
    }

    /** Reads the answer's head and closes the connection: the body is not wanted, and not read. */
    private static Response head(HttpClientResponse response) {
        Response head = new Response(response.statusCode(), printable(response.statusMessage()),
                Optional.ofNullable(response.getHeader("Retry-After")).flatMap(value -> retryAfter(value.strip())));
        // The body's end now fails with "connection closed", which nobody waits for.
        response.exceptionHandler(closed -> {
        });
        response.request().connection().close();
        return head;
    }

    /**
     * The failure as the caller classifies it: a timeout once the deadline passed; else the first I/O
     * exception in the chain (ConnectException, SSLException, ...); else one that names what happened
     * without the request target, which may hold the receiver's token.
     */
    private static IOException failure(Throwable cause, WebhookEndpoint endpoint, long deadlineNanos) {
        if (System.nanoTime() - deadlineNanos >= 0) {
            return new SocketTimeoutException("no answer in time");
        }
        for (Throwable link = cause; link != null; link = link.getCause()) {
            if (link instanceof IOException io) {
                return io;
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IOException(message.replace(endpoint.requestTarget(), "(path)"));
    }

    /** Retry-After as delay-seconds or an HTTP date; an unreadable value is ignored (the backoff applies). */
    static Optional<Duration> retryAfter(String value) {
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(Instant.now(), at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The receiver's reason phrase, fit for a log line and last_error. */
    private static String printable(String reason) {
        if (reason == null) {
            return "";
        }
        String clean = reason.replaceAll("[^\\x20-\\x7E]", "").trim();
        return clean.length() > MAX_REASON ? clean.substring(0, MAX_REASON) : clean;
    }

    private static long remainingNanos(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** Rounded up, so that a connect timeout never fires before the deadline and is told apart from a refusal. */
    private static long remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long remaining = remainingNanos(deadlineNanos);
        if (remaining == 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (remaining + 999_999) / 1_000_000;
    }
}
