package io.dsm.watch.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a loopback port: it keeps every request it gets and answers each event as
 * the test scripted (200 when nothing was scripted).
 */
final class Receiver {

    /** A request as received: its headers (names as sent), its path and query, its body bytes, and when it came. */
    record Request(Headers headers, String pathAndQuery, byte[] body, Instant at) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: a status and, if not null, a Retry-After value. */
    record Answer(int status, String retryAfter) {
        static Answer status(int status) {
            return new Answer(status, null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver on(String address, int port) {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The event is answered with these, in order, then with 200. */
    void script(String eventId, Answer... answers) {
        scripts.put(eventId, new ArrayDeque<>(List.of(answers)));
    }

    List<Request> requestsFor(String eventId) {
        return requests.stream().filter(request -> eventId.equals(request.header("X-Dsm-Event-Id"))).toList();
    }

    List<Request> all() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            requests.add(new Request(exchange.getRequestHeaders(), exchange.getRequestURI().toString(), body, Instant.now()));
        }
        String eventId = exchange.getRequestHeaders().getFirst("X-Dsm-Event-Id");
        Deque<Answer> script = eventId == null ? null : scripts.get(eventId);
        Answer answer = script == null || script.isEmpty() ? Answer.status(200) : script.poll();
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }
}
