package io.dsm.watch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ScheduledThreadPoolExecutor;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
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
import com.sun.net.httpserver.HttpsServer;

import io.dsm.testing.Sockets;

/**
 * The pinned POST: the socket dials the address given, while TLS still checks the certificate
 * against the URL's host name; a receiver that never answers is cut off at the deadline.
 */
class PinnedHttpPostTest {

    /** A name no DNS server knows: reaching it proves the socket dials the pinned address, not a lookup's. */
    private static final String CERTIFIED_NAME = "receiver.webhook.test";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static HttpsServer server;
    private static SSLContext client;
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1);

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
        client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        WATCHDOG.shutdownNow();
    }

    private static PinnedHttpPost.Response post(String url, InetAddress pinned, Duration timeout) throws IOException {
        return new PinnedHttpPost(client.getSocketFactory(), WATCHDOG).post(WebhookEndpoint.parse(url), List.of(pinned),
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8),
                System.nanoTime() + timeout.toNanos());
    }

    @Test
    void tlsChecksTheUrlsHostNameWhileTheSocketDialsThePinnedAddress() throws IOException {
        PinnedHttpPost.Response response = post("https://" + CERTIFIED_NAME + ":" + server.getAddress().getPort() + "/hook",
                LOOPBACK, Duration.ofSeconds(5));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        String url = "https://other.webhook.test:" + server.getAddress().getPort() + "/hook";

        assertThatThrownBy(() -> post(url, LOOPBACK, Duration.ofSeconds(5))).isInstanceOf(SSLException.class);
    }

    @Test
    void aReceiverThatNeverAnswersIsCutOffAtTheDeadline() throws IOException {
        try (Sockets.Tarpit tarpit = new Sockets.Tarpit(LOOPBACK)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> post("http://127.0.0.1:" + tarpit.port() + "/", LOOPBACK, Duration.ofMillis(300)))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC));

        assertThat(PinnedHttpPost.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(PinnedHttpPost.retryAfter(inAMinute).orElseThrow()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(PinnedHttpPost.retryAfter("soon")).isEmpty();
    }
}
