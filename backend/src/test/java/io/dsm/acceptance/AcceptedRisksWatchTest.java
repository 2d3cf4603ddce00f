package io.dsm.acceptance;

import static io.dsm.acceptance.Acceptances.REPLICA_IDENTITY;
import static io.dsm.acceptance.Acceptances.accept;
import static io.dsm.acceptance.Acceptances.body;
import static io.dsm.acceptance.Acceptances.inDays;
import static io.dsm.acceptance.Acceptances.keylessTableIn;
import static io.dsm.acceptance.Acceptances.secondKeylessTableIn;
import static io.dsm.watch.WatchedSources.events;
import static io.dsm.watch.WatchedSources.history;
import static io.dsm.watch.WatchedSources.readiness;
import static io.dsm.watch.WatchedSources.state;
import static io.dsm.watch.WatchedSources.within;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.readiness.LogicalTargetTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The readiness watch on a real logical-decoding server: accepting a keyless table lowers the state at the next
 * check; a second keyless table, the acceptance's expiry or its revoke raise it again, each in the history, the
 * audit log and the webhook event; the list and the metrics count the accepted finding.
 */
@QuarkusTest
@TestProfile(AcceptedRisksWatchProfile.class)
class AcceptedRisksWatchTest extends LogicalTargetTest {

    private static final String REASON = "Insert-only audit table: it is never updated or deleted.";
    private static final Duration INTERVAL = Duration.ofMillis(AcceptedRisksWatchProfile.INTERVAL_MS);
    /** Two intervals, and the time one check may take. */
    private static final Duration TWO_INTERVALS = INTERVAL.multipliedBy(2).plusSeconds(10);

    /** A watched source whose one table without a key, app.events, blocks it. */
    private static String blockedSource(String database) {
        keylessTableIn(target, database);
        String id = DataSources.create(target.source(database).identifier(database.replace("_", ""))).getString("id");
        within(TWO_INTERVALS).until(() -> !"UNKNOWN".equals(state(id)));
        assertThat(state(id)).isEqualTo("BLOCKED");
        return id;
    }

    /**
     * Accepts app.events until {@code expiresAt} in whole seconds: the store keeps microseconds, rounded, while the
     * POST's answer echoes the nanoseconds it was sent, and the assertions compare the two.
     */
    private static JsonPath acceptEvents(String id, Instant expiresAt) {
        return accept(id, body(REPLICA_IDENTITY, List.of("app.events"), REASON, expiresAt.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** Accepts app.events and waits for the watch to leave the state BLOCKED. */
    private static JsonPath acceptedAndChecked(String id, Instant expiresAt) {
        JsonPath acceptance = acceptEvents(id, expiresAt);
        within(INTERVAL.plusSeconds(10)).until(() -> readiness(id).getInt("accepted") == 1);
        return acceptance;
    }

    private static boolean recorded(String id, String kind) {
        return history(id, kind).stream().anyMatch(entry -> REPLICA_IDENTITY.equals(entry.get("check")));
    }

    @Test
    void acceptingTheKeylessTableLowersTheStateAtTheNextCheckAndCountsItAsAccepted() {
        String id = blockedSource("watch_accept");

        acceptedAndChecked(id, inDays(30));

        JsonPath readiness = readiness(id);
        assertThat(readiness.getString("state")).isIn("READY", "WARNINGS");
        assertThat(readiness.getInt("blockers")).isZero();
        assertThat(recorded(id, "FINDING_ACCEPTED")).isTrue();
        assertThat(history(id, "FINDING_ACCEPTED").get(0).get("message").toString()).contains(ADMIN, REASON);
        assertThat(given().get("/api/datasources/" + id).then().statusCode(200).extract().jsonPath().getInt("readiness.accepted"))
                .isEqualTo(1);
    }

    @Test
    void theWebhookEventCarriesTheAcceptedFindingApartFromTheOpenOnes() {
        String id = blockedSource("watch_event");

        JsonPath acceptance = acceptedAndChecked(id, inDays(30));

        JsonPath event = events(id).get(events(id).size() - 1);
        assertThat(event.getString("previousState")).isEqualTo("BLOCKED");
        assertThat(event.getInt("accepted")).isEqualTo(1);
        assertThat(event.getList("findings.check")).doesNotContain(REPLICA_IDENTITY);
        Map<String, Object> accepted = event.getMap("acceptedFindings.find { it.check == '" + REPLICA_IDENTITY + "' }");
        assertThat(accepted).containsEntry("objects", List.of("app.events")).containsEntry("reason", REASON)
                .containsEntry("acceptedBy", ADMIN).containsEntry("acceptanceId", acceptance.getString("id"));
        assertThat(Instant.parse((String) accepted.get("expiresAt"))).isEqualTo(Instant.parse(acceptance.getString("expiresAt")));
    }

    @Test
    void aSecondKeylessTableRaisesTheStateAgainWithinTwoIntervals() {
        String id = blockedSource("watch_second");
        acceptedAndChecked(id, inDays(30));

        secondKeylessTableIn(target, "watch_second");

        within(TWO_INTERVALS).until(() -> "BLOCKED".equals(state(id)));
        assertThat(readiness(id).getInt("accepted")).isZero();
        assertThat(recorded(id, "FINDING_REOPENED")).isTrue();
    }

    @Test
    void anExpiringAcceptanceIsCheckedAtItsExpiryAndTheChangeSaysItExpired() {
        String id = blockedSource("watch_expiry");
        Instant expiresAt = Instant.parse(acceptedAndChecked(id, Instant.now().plusSeconds(7)).getString("expiresAt"));
        assertThat(Instant.parse(readiness(id).getString("nextCheckAt"))).as("the next check is due at the expiry, before the interval")
                .isEqualTo(expiresAt);

        within(Duration.between(Instant.now(), expiresAt).plus(INTERVAL)).until(() -> "BLOCKED".equals(state(id)));

        assertThat(recorded(id, "ACCEPTANCE_EXPIRED")).isTrue();
        assertThat(history(id, "STATE_CHANGED").get(0)).containsEntry("toState", "BLOCKED");
        assertThat(history(id, "STATE_CHANGED").get(0).get("message").toString()).contains("acceptance expired: " + REPLICA_IDENTITY);
        JsonPath event = events(id).get(events(id).size() - 1);
        assertThat(event.getString("state")).isEqualTo("BLOCKED");
        assertThat(event.getList("expiredAcceptances.check")).containsExactly(REPLICA_IDENTITY);
        assertThat(event.getList("findings.check")).contains(REPLICA_IDENTITY);
        List<String> audited = given().queryParam("dataSourceId", id).queryParam("action", "READINESS_CHANGED").get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.detail");
        assertThat(audited).anySatisfy(detail -> assertThat(detail).contains("→ BLOCKED", "acceptance expired: " + REPLICA_IDENTITY));
    }

    @Test
    void aRevokedAcceptanceRaisesTheStateAgainWithoutWaitingForTheInterval() {
        String id = blockedSource("watch_revoke");
        String acceptance = acceptedAndChecked(id, inDays(30)).getString("id");

        given().delete("/api/datasources/" + id + "/acceptances/" + acceptance).then().statusCode(204);

        within(INTERVAL.plusSeconds(10)).until(() -> "BLOCKED".equals(state(id)));
        assertThat(recorded(id, "FINDING_REOPENED")).isTrue();
        assertThat(readiness(id).getInt("accepted")).isZero();
    }

    @Test
    void theMetricsCountEachSourcesAcceptedFindings() {
        String id = blockedSource("watch_metric");
        acceptedAndChecked(id, inDays(30));

        // Prometheus text may end the labels with a comma.
        within(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200).extract().asString()).containsPattern("dsm_watch_accepted_findings\\{datasource=\"watchmetric\",?\\} 1\\.0"));
    }
}
