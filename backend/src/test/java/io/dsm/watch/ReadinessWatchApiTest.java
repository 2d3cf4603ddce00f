package io.dsm.watch;

import static io.dsm.watch.WatchedSources.firstCheck;
import static io.dsm.watch.WatchedSources.readiness;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.common.security.Role;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.Sockets;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The watch through the API: its report and history, re-checks, the list's summary and filter, audit and metrics. */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class ReadinessWatchApiTest extends ApiTest {

    static LogicalTarget target;
    static String blocked;
    static String unreachable;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        target.database("watched", "CREATE TABLE app.orders (id int PRIMARY KEY)", "CREATE TABLE app.keyless (payload text)",
                "CREATE PUBLICATION watched_pub FOR TABLE app.orders, app.keyless");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static String blockedSource() {
        if (blocked == null) {
            blocked = DataSources.create(target.source("watched").identifier(DataSources.uniqueIdentifier("blocked"))).getString("id");
            firstCheck(blocked);
        }
        return blocked;
    }

    private static String unreachableSource() {
        if (unreachable == null) {
            unreachable = DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                    .identifier(DataSources.uniqueIdentifier("gone"))).getString("id");
            firstCheck(unreachable);
        }
        return unreachable;
    }

    @Test
    void reportsTheLatestCheckWithItsStateCountsAndNextCheck() {
        JsonPath readiness = readiness(blockedSource());
        assertThat(readiness.getString("state")).isEqualTo("BLOCKED");
        assertThat(readiness.getInt("blockers")).isPositive();
        assertThat(readiness.getString("checkedAt")).isNotNull();
        assertThat(readiness.getString("nextCheckAt")).isNotNull();
        assertThat(readiness.getLong("intervalSeconds")).isEqualTo(FastWatchProfile.INTERVAL_MS / 1000);
        assertThat(readiness.getList("latest.readiness.findings.check", String.class)).contains("tables.replica_identity");
        assertThat(readiness.getBoolean("latest.success")).isTrue();
    }

    @Test
    void startsTheHistoryWithTheFirstStateChangeFromUnknown() {
        List<String> kinds = readiness(blockedSource()).getList("history.kind");
        assertThat(kinds).contains("STATE_CHANGED", "FINDING_APPEARED");
        JsonPath history = readiness(blockedSource());
        int last = kinds.lastIndexOf("STATE_CHANGED");
        assertThat(history.getString("history[" + last + "].fromState")).isEqualTo("UNKNOWN");
    }

    @Test
    void callsASourceThatCannotBeReachedUnreachableWithTheFailedCheck() {
        JsonPath readiness = readiness(unreachableSource());
        assertThat(readiness.getString("state")).isEqualTo("UNREACHABLE");
        assertThat(readiness.getList("history.check", String.class)).contains("connection.network");
    }

    @Test
    void carriesTheSummaryOnListItemsAndFiltersByState() {
        String blockedId = blockedSource();
        String unreachableId = unreachableSource();
        JsonPath onlyBlocked = given().queryParam("readiness", "BLOCKED").queryParam("size", 100).get("/api/datasources")
                .then().statusCode(200).extract().jsonPath();
        assertThat(onlyBlocked.getList("items.id", String.class)).contains(blockedId).doesNotContain(unreachableId);
        assertThat(onlyBlocked.getList("items.readiness.state", String.class)).containsOnly("BLOCKED");
        JsonPath both = given().queryParam("readiness", "BLOCKED,UNREACHABLE").queryParam("size", 100).get("/api/datasources")
                .then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("items.id", String.class)).contains(blockedId, unreachableId);
    }

    @Test
    void rejectsAnUnknownReadinessStateInTheListFilterNamingTheParameter() {
        given().queryParam("readiness", "READY,SHAKY").get("/api/datasources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("readiness"))
                .body("violations[0].message", containsString("READY, WARNINGS, BLOCKED, UNREACHABLE, UNKNOWN"));
    }

    /** A line of the Prometheus text format, whichever exposition version writes it (with or without a trailing comma). */
    private static String sample(String name, String value, String... labels) {
        StringBuilder pattern = new StringBuilder(name).append("\\{");
        for (int i = 0; i < labels.length; i += 2) {
            pattern.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(java.util.regex.Pattern.quote(labels[i + 1]))
                    .append("\"");
        }
        return pattern.append(",?\\} ").append(value).toString();
    }

    @Test
    void recheckRunsAtOnceAndAnswersTheNewResult() {
        String id = DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                .identifier(DataSources.uniqueIdentifier("now"))).getString("id");
        firstCheck(id);
        String before = readiness(id).getString("checkedAt");
        JsonPath after = given().post("/api/datasources/" + id + "/readiness").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("checkedAt")).isGreaterThan(before);
        assertThat(after.getString("state")).isEqualTo("UNREACHABLE");
        assertThat(after.getString("latest.checks[0].message")).contains("connection refused");
    }

    @Test
    void refusesASecondRecheckWithinTheMinimumIntervalWithRetryAfter() {
        String id = DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                .identifier(DataSources.uniqueIdentifier("twice"))).getString("id");
        firstCheck(id);
        given().post("/api/datasources/" + id + "/readiness").then().statusCode(200);
        given().post("/api/datasources/" + id + "/readiness")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:dsm:problem:too-many-rechecks"));
    }

    @Test
    void letsAViewerReadButNotRecheck() {
        String id = unreachableSource();
        TestUsers.as(Role.VIEWER).get("/api/datasources/" + id + "/readiness").then().statusCode(200);
        TestUsers.as(Role.VIEWER).post("/api/datasources/" + id + "/readiness").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void answers404ForAnUnknownSourceAnd400ForAMalformedId() {
        given().get("/api/datasources/5f0c7a52-2b4f-4a4e-9a7d-3f9d1c2b7e11/readiness").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/datasources/5f0c7a52-2b4f-4a4e-9a7d-3f9d1c2b7e11/readiness").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/datasources/not-an-id/readiness").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void auditsStateChangesAsTheWatchAndRechecksAsTheUser() {
        String id = unreachableSource();
        given().post("/api/datasources/" + id + "/readiness").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(429)));
        JsonPath events = given().queryParam("dataSourceId", id).queryParam("size", 100).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> actions = events.getList("items.action");
        assertThat(actions).contains("READINESS_CHANGED", "READINESS_RECHECKED");
        int changed = actions.lastIndexOf("READINESS_CHANGED");
        assertThat(events.getString("items[" + changed + "].actor")).isEqualTo("readiness-watch");
        assertThat(events.getString("items[" + changed + "].detail")).contains("UNKNOWN → UNREACHABLE");
        assertThat(events.getString("items[" + actions.indexOf("READINESS_RECHECKED") + "].actor")).isEqualTo(ADMIN);
    }

    @Test
    void exportsEachSourcesStateAndSlotsAsPrometheusMetrics() {
        String id = blockedSource();
        String identifier = DataSources.read(id).getString("identifier");
        target.server().executeIn("watched", "SELECT pg_create_logical_replication_slot('metrics_slot', 'pgoutput')");
        try {
            WatchedSources.within(java.time.Duration.ofSeconds(40)).untilAsserted(() -> {
                String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
                assertThat(metrics)
                        .containsPattern(sample("dsm_watch_readiness_state", "1.0", "datasource", identifier, "state", "BLOCKED"))
                        .containsPattern(sample("dsm_watch_slot_retained_wal_bytes", "\\d+\\.0", "datasource", identifier,
                                "slot", "metrics_slot"))
                        .containsPattern(sample("dsm_watch_slot_active", "0.0", "datasource", identifier, "slot", "metrics_slot"))
                        .containsPattern(sample("dsm_watch_slot_wal_status", "1.0", "datasource", identifier, "slot", "metrics_slot",
                                "wal_status", "reserved"))
                        .contains("dsm_watch_lateness_milliseconds_count");
            });
        } finally {
            target.server().executeIn("watched", "SELECT pg_drop_replication_slot('metrics_slot')");
        }
    }
}
