package io.dsm.watch.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.Sockets;
import io.dsm.watch.webhook.Receiver.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Readiness events delivered to a local receiver: signed, retried, given up, and never with a password. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookDeliveryTest extends ApiTest {

    private static final Receiver RECEIVER = Receiver.on(WebhookProfile.ADDRESS, ReceiverPorts.of("signed"));
    /** Distinctive, so that finding it anywhere in an event is certain to be a leak. */
    private static final String SOURCE_PASSWORD = "pw-Webhook-5b7e21";

    @Inject
    WebhookDelivery delivery;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    /** Registers a source on a port nothing listens on: its first check finds it UNREACHABLE, a state change. */
    static String unreachableSource() {
        return DataSources.create(DataSources.primary(DataSources.uniqueIdentifier("wh")).host("127.0.0.1")
                .port(Sockets.closedPort()).password(SOURCE_PASSWORD)).getString("id");
    }

    static Receiver.Request firstRequestAbout(String dataSourceId) {
        String eventId = eventually().until(() -> QueuedEvents.about(dataSourceId), found -> found.isPresent()).get();
        return eventually().until(() -> RECEIVER.requestsFor(eventId), requests -> !requests.isEmpty()).get(0);
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aStateChangeReachesTheReceiverSignedWithTheSecret() throws Exception {
        String id = unreachableSource();

        Receiver.Request request = firstRequestAbout(id);

        String signed = request.header("X-Dsm-Timestamp") + "." + request.text();
        assertThat(request.header("X-Dsm-Signature")).isEqualTo("sha256=" + hmac(WebhookProfile.SECRET, signed));
        JsonPath event = JsonPath.from(request.text());
        assertThat(event.getString("type")).isEqualTo("datasource.readiness.changed");
        assertThat(event.getString("dataSource.id")).isEqualTo(id);
        assertThat(event.getString("previousState")).isEqualTo("UNKNOWN");
        assertThat(event.getString("state")).isEqualTo("UNREACHABLE");
        assertThat(request.header("X-Dsm-Event-Id")).isEqualTo(event.getString("id"));
        eventually().until(() -> QueuedEvents.row(event.getString("id")).deliveredAt() != null);
    }

    @Test
    void theEventNeverCarriesThePassword() {
        String id = unreachableSource();

        Receiver.Request request = firstRequestAbout(id);

        assertThat(request.text()).doesNotContain(SOURCE_PASSWORD).doesNotContainIgnoringCase("\"password\"");
    }

    @Test
    void theRequestCarriesThePayloadAsStoredToTheUrlsPathWithTheDocumentedHeaders() throws Exception {
        String eventId = QueuedEvents.queue();

        Receiver.Request request = eventually().until(() -> RECEIVER.requestsFor(eventId), requests -> !requests.isEmpty()).get(0);

        assertThat(request.pathAndQuery()).isEqualTo(WebhookProfile.PATH_AND_QUERY);
        assertThat(request.header("Host")).isEqualTo(WebhookProfile.ADDRESS + ":" + RECEIVER.port());
        assertThat(request.text()).contains("连接失败 — could not connect").startsWith("{\"id\":\"" + eventId + "\"");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).isEqualTo("dsm");
        assertThat(request.header("X-Dsm-Event")).isEqualTo("datasource.readiness.changed");
        assertThat(request.header("X-Dsm-Delivery-Attempt")).isEqualTo("1");
        assertThat(Long.parseLong(request.header("X-Dsm-Timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        assertThat(request.header("X-Dsm-Signature"))
                .isEqualTo("sha256=" + hmac(WebhookProfile.SECRET, request.header("X-Dsm-Timestamp") + "." + request.text()));
    }

    @Test
    void aReceiverThatFailsTwiceGetsThreeAttemptsAndTheEventEndsDelivered() {
        String eventId = QueuedEvents.queue();
        RECEIVER.script(eventId, Answer.status(500), Answer.status(503));

        eventually().until(() -> QueuedEvents.row(eventId).deliveredAt() != null);

        List<Receiver.Request> requests = RECEIVER.requestsFor(eventId);
        assertThat(requests).extracting(request -> request.header("X-Dsm-Delivery-Attempt")).containsExactly("1", "2", "3");
        assertThat(QueuedEvents.row(eventId).attempts()).isEqualTo(3);
    }

    @Test
    void aReceiverThatRefusesTheEventWith400IsGivenUpAfterOneAttempt() throws InterruptedException {
        String eventId = QueuedEvents.queue();
        RECEIVER.script(eventId, Answer.status(400), Answer.status(400));

        eventually().until(() -> QueuedEvents.row(eventId).givenUpAt() != null);
        Thread.sleep(1500);

        QueuedEvents.Row row = QueuedEvents.row(eventId);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).startsWith("HTTP 400");
        assertThat(RECEIVER.requestsFor(eventId)).hasSize(1);
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        String eventId = QueuedEvents.queue();
        RECEIVER.script(eventId, Answer.status(500), Answer.status(502), Answer.status(503), Answer.status(500));

        eventually().until(() -> QueuedEvents.row(eventId).givenUpAt() != null);

        QueuedEvents.Row row = QueuedEvents.row(eventId);
        assertThat(row.attempts()).isEqualTo(WebhookProfile.MAX_ATTEMPTS);
        assertThat(row.deliveredAt()).isNull();
        assertThat(row.lastError()).startsWith("HTTP 503");
        assertThat(RECEIVER.requestsFor(eventId)).hasSize(WebhookProfile.MAX_ATTEMPTS);
    }

    @Test
    void aReceiverThatAsksToRetryLaterIsNotAskedAgainBeforeItsRetryAfter() {
        String eventId = QueuedEvents.queue();
        RECEIVER.script(eventId, new Answer(429, "3"));

        eventually().until(() -> QueuedEvents.row(eventId).deliveredAt() != null);

        List<Receiver.Request> requests = RECEIVER.requestsFor(eventId);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        assertThat(QueuedEvents.row(eventId).lastError()).startsWith("HTTP 429").endsWith("(Retry-After 3s)");
    }

    @Test
    void eventsSettledMoreThanSevenDaysAgoAreDeleted() throws Exception {
        Instant eightDaysAgo = Instant.now().minus(8, ChronoUnit.DAYS);
        String oldDelivered = QueuedEvents.settled(eightDaysAgo, null);
        String oldGivenUp = QueuedEvents.settled(null, eightDaysAgo);
        String recent = QueuedEvents.settled(Instant.now().minus(6, ChronoUnit.DAYS), null);

        delivery.purgeSettled();

        assertThat(QueuedEvents.read(oldDelivered)).isEmpty();
        assertThat(QueuedEvents.read(oldGivenUp)).isEmpty();
        assertThat(QueuedEvents.read(recent)).isPresent();
    }

    @Test
    void deliveriesAreCountedInTheMetrics() {
        String eventId = QueuedEvents.queue();
        eventually().until(() -> QueuedEvents.row(eventId).deliveredAt() != null);

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("dsm_watch_webhook_deliveries_total\\{outcome=\"delivered\",?\\} [1-9]")
                .contains("dsm_watch_webhook_deliveries_total{outcome=\"retried\"")
                .contains("dsm_watch_webhook_pending");
    }
}
