package io.dsm.watch.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address the address policy approved. java.net.http.HttpClient resolves
 * the URL's host itself, so a DNS answer that changes between the policy's check and the connect
 * (DNS rebinding) could point it at an address the policy forbids; it cannot be given an address.
 * Here the socket dials the approved address and TLS runs over it with the URL's host name, for SNI
 * and for certificate host verification (HTTPS endpoint identification), exactly as if the name had
 * been resolved by the client. A request this simple (one body, {@code Connection: close}, only the
 * status and Retry-After read back, no redirects) needs nothing more from a client.
 *
 * <p>The whole attempt is bounded by one deadline: the connect's timeout, and a watchdog that closes
 * the socket when the deadline passes, so a receiver that accepts and then trickles (or never reads)
 * holds the delivery thread no longer than DSM_WATCH_WEBHOOK_TIMEOUT.
 */
final class PinnedHttpPost {

    /** What the receiver answered; the body is not read. */
    record Response(int status, String reason, Optional<Duration> retryAfter) {
    }

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_REASON = 80;

    private final SSLSocketFactory tls;
    private final ScheduledExecutorService watchdog;

    PinnedHttpPost(SSLSocketFactory tls, ScheduledExecutorService watchdog) {
        this.tls = tls;
        this.watchdog = watchdog;
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
            Socket socket = new Socket();
            ScheduledFuture<?> alarm = watchdog.schedule(() -> closeQuietly(socket), remainingNanos(deadlineNanos),
                    TimeUnit.NANOSECONDS);
            try {
                socket.connect(new InetSocketAddress(address, endpoint.port()), remainingMillis(deadlineNanos));
                return exchange(endpoint.https() ? secured(socket, endpoint) : socket, endpoint, headers, body);
            } catch (ConnectException e) {
                refused = e;
            } catch (IOException e) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    throw new SocketTimeoutException("no answer in time");
                }
                throw e;
            } finally {
                alarm.cancel(false);
                closeQuietly(socket);
            }
        }
        throw refused != null ? refused : new ConnectException("no address to connect to");
    }

    private Socket secured(Socket connected, WebhookEndpoint endpoint) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(connected, endpoint.host(), endpoint.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static Response exchange(Socket socket, WebhookEndpoint endpoint, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(endpoint.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        while (true) {
            Response response = readHead(in);
            // 1xx (100 Continue, 103 Early Hints) are interim: the final answer follows.
            if (response.status() >= 200) {
                return response;
            }
        }
    }

    private static Response readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("the receiver did not answer in HTTP");
        }
        Optional<Duration> retryAfter = Optional.empty();
        for (int i = 0;; i++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                break;
            }
            if (i == MAX_HEADERS) {
                throw new IOException("the receiver's answer has too many headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Retry-After")) {
                retryAfter = retryAfter(line.substring(colon + 1).trim());
            }
        }
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? printable(parts[2]) : "", retryAfter);
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

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the receiver closed the connection before answering");
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("the receiver's answer has a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The receiver's reason phrase, fit for a log line and last_error. */
    private static String printable(String reason) {
        String clean = reason.replaceAll("[^\\x20-\\x7E]", "").trim();
        return clean.length() > MAX_REASON ? clean.substring(0, MAX_REASON) : clean;
    }

    private static long remainingNanos(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long remaining = remainingNanos(deadlineNanos) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
