package io.dsm.watch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.dsm.testing.Sockets;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

/**
 * The webhook's client: it dials the address given, while the Host header, SNI and the certificate
 * check use the URL's host name; a receiver that never answers, or trickles, is cut off at the
 * deadline; only the answer's head is read; no failure names the URL's path.
 */
class WebhookClientTest {

    /** A name no DNS server knows: reaching it proves the client dials the pinned address, not a lookup's. */
    private static final String CERTIFIED_NAME = "receiver.webhook.test";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String TOKEN = "tok-Client-8d41c0";
    private static final AtomicReference<String> HOST_RECEIVED = new AtomicReference<>();
    private static final AtomicReference<String> SNI_RECEIVED = new AtomicReference<>();

    private static HttpsServer server;
    private static Vertx vertx;
    private static WebhookClient client;

    @BeforeAll
    static void startTlsReceiver() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + CERTIFIED_NAME);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, CERTIFIED_NAME)));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("receiver", keys.getPrivate(), new char[0], new X509Certificate[] { certificate });
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(identity, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("receiver", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);

        server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        SNI_RECEIVED.set(new SNIHostName(name.getEncoded()).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            HOST_RECEIVED.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();

        vertx = Vertx.vertx();
        client = new WebhookClient(vertx, TrustOptions.wrap(trustManagers));
    }

    @AfterAll
    static void stop() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.stop(0);
    }

    private static WebhookClient.Response post(String url, List<InetAddress> pinned, Duration timeout) throws IOException {
        return client.post(WebhookEndpoint.parse(url), pinned, Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), System.nanoTime() + timeout.toNanos());
    }

    private static String tlsUrl(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void tlsChecksTheUrlsHostNameWhileTheClientDialsThePinnedAddress() throws IOException {
        // An address that carries a host name of its own, which no DNS server knows: dialled by its IP, never by that name.
        InetAddress pinned = InetAddress.getByAddress("rebound.webhook.test", LOOPBACK.getAddress());

        WebhookClient.Response response = post(tlsUrl(CERTIFIED_NAME), List.of(pinned), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(HOST_RECEIVED).hasValue(CERTIFIED_NAME + ":" + server.getAddress().getPort());
        assertThat(SNI_RECEIVED).hasValue(CERTIFIED_NAME);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> post(tlsUrl("other.webhook.test"), List.of(LOOPBACK), Duration.ofSeconds(5)))
                .isInstanceOf(SSLException.class);
    }

    @Test
    void theNextAddressIsTriedWhenOneRefusesTheConnection() throws IOException {
        // Nothing listens on 127.0.0.2 at the receiver's port: the connection there is refused.
        InetAddress refusing = InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 });

        WebhookClient.Response response = post(tlsUrl(CERTIFIED_NAME), List.of(refusing, LOOPBACK), Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void aReceiverThatNeverAnswersIsCutOffAtTheDeadline() throws IOException {
        try (Sockets.Tarpit tarpit = new Sockets.Tarpit(LOOPBACK)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> post("http://127.0.0.1:" + tarpit.port() + "/", List.of(LOOPBACK), Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheDeadline() throws Exception {
        try (RawReceiver receiver = new RawReceiver(out -> {
            for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(100);
            }
        })) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> post(receiver.url("/"), List.of(LOOPBACK), Duration.ofMillis(500)))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anAnswerWhoseHeadersExceedTheLimitIsRefused() throws Exception {
        try (RawReceiver receiver = new RawReceiver(out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1_000; i++) {
                out.write(("X-Filler-" + i + ": " + "a".repeat(100) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            assertThatThrownBy(() -> post(receiver.url("/"), List.of(LOOPBACK), Duration.ofSeconds(5)))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void theAnswerIsTakenFromItsHeadWithoutReadingTheBody() throws Exception {
        try (RawReceiver receiver = new RawReceiver(out -> {
            out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 1000000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024];
            while (true) {
                out.write(chunk);
                Thread.sleep(10);
            }
        })) {
            long started = System.nanoTime();

            WebhookClient.Response response = post(receiver.url("/"), List.of(LOOPBACK), Duration.ofSeconds(5));

            assertThat(response.status()).isEqualTo(202);
            assertThat(response.reason()).isEqualTo("Accepted");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aReceiverThatClosesWithoutAnsweringFailsWithoutNamingTheUrlsPath() throws Exception {
        try (RawReceiver receiver = new RawReceiver(out -> {
        })) {
            assertThatThrownBy(() -> post(receiver.url("/hooks/dsm?token=" + TOKEN), List.of(LOOPBACK), Duration.ofSeconds(5)))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class)
                    .satisfies(failure -> assertThat(String.valueOf(failure.getMessage())).doesNotContain(TOKEN));
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC));

        assertThat(WebhookClient.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(WebhookClient.retryAfter(inAMinute).orElseThrow()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(WebhookClient.retryAfter("soon")).isEmpty();
    }

    /** What a {@link RawReceiver} writes back once it has read a request's head; the connection closes after. */
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    /** A plain-HTTP receiver on loopback that answers each connection with bytes of the test's choosing. */
    static final class RawReceiver implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, LOOPBACK);

        RawReceiver(Answer answer) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket connection = listener.accept()) {
                        readHead(connection.getInputStream());
                        answer.write(connection.getOutputStream());
                    } catch (IOException | InterruptedException e) {
                        // the client hung up, or the receiver closed
                    }
                }
            }, "raw-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + listener.getLocalPort() + pathAndQuery;
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = { '\r', '\n', '\r', '\n' };
            for (int b = in.read(); b != -1 && matched < end.length; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
