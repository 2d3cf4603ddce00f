package io.dsm.acceptance;

import static io.dsm.acceptance.Acceptances.REPLICATION_SLOTS;
import static io.dsm.acceptance.Acceptances.REPLICA_IDENTITY;
import static io.dsm.acceptance.Acceptances.accept;
import static io.dsm.acceptance.Acceptances.body;
import static io.dsm.acceptance.Acceptances.finding;
import static io.dsm.acceptance.Acceptances.inDays;
import static io.dsm.acceptance.Acceptances.keylessTableIn;
import static io.dsm.acceptance.Acceptances.secondKeylessTableIn;
import static io.dsm.acceptance.Acceptances.incrementalState;
import static io.dsm.acceptance.Acceptances.test;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dsm.readiness.LogicalTargetTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * On a real logical-decoding server: a table without a key blocks incremental sync until its finding is
 * accepted; the accepted finding stays in the report; a second such table, a revoke or the expiry brings
 * the verdict back to BLOCKED.
 */
@QuarkusTest
@TestProfile(AcceptanceTestProfile.class)
class AcceptedRisksTest extends LogicalTargetTest {

    private static final String REASON = "Insert-only audit table: it is never updated or deleted.";

    /** A saved source whose one table without a key, app.events, blocks incremental sync. */
    private static String blockedSource(String database) {
        keylessTableIn(target, database);
        String id = DataSources.create(target.source(database).identifier(database.replace("_", ""))).getString("id");
        JsonPath before = test(id);
        assertThat(incrementalState(before)).isEqualTo("BLOCKED");
        assertThat(before.getList("readiness.findings.find { it.check == '" + REPLICA_IDENTITY + "' }.objects.name"))
                .containsExactly("app.events");
        return id;
    }

    private static String acceptEvents(String id, Instant expiresAt) {
        return accept(id, body(REPLICA_IDENTITY, List.of("app.events"), REASON, expiresAt)).getString("id");
    }

    @Test
    void anAcceptedKeylessTableNoLongerBlocksAndStaysInTheReportMarkedAccepted() {
        String id = blockedSource("accept_key");
        String acceptance = acceptEvents(id, inDays(30));

        JsonPath after = test(id);

        assertThat(incrementalState(after)).isIn("READY", "WARNINGS");
        Map<String, Object> finding = finding(after, REPLICA_IDENTITY);
        assertThat(finding).containsEntry("severity", "BLOCKER");
        assertThat((Map<String, Object>) finding.get("accepted")).containsEntry("id", acceptance).containsEntry("reason", REASON)
                .containsEntry("acceptedBy", ADMIN).containsKey("expiresAt").containsEntry("severity", "BLOCKER");
    }

    @Test
    void theReplicationCheckSaysWhatIncrementalSyncNeedsWithoutTheAcceptedBlocker() {
        String id = blockedSource("accept_repl");
        assertThat(replicationCheck(test(id))).containsEntry("status", "WARNING");

        acceptEvents(id, inDays(30));
        Map<String, Object> after = replicationCheck(test(id));

        assertThat(after).containsEntry("status", "PASSED");
        assertThat((String) after.get("message")).doesNotContain(REPLICA_IDENTITY);
    }

    private static Map<String, Object> replicationCheck(JsonPath result) {
        return result.getMap("checks.find { it.name == 'REPLICATION' }");
    }

    @Test
    void aWarningAcceptedDoesNotCoverTheBlockerTheSameCheckRaisesOnceItsSeverityRises() {
        target.database("accept_rises", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        String id = DataSources.create(target.source("accept_rises").identifier("acceptrises")).getString("id");
        // Three of the server's four slots taken: one is free, which server.replication_slots warns about.
        target.server().executeIn("accept_rises", "SELECT pg_create_physical_replication_slot('standby_a')",
                "SELECT pg_create_physical_replication_slot('standby_b')", "SELECT pg_create_physical_replication_slot('standby_c')");
        try {
            accept(id, body(REPLICATION_SLOTS, List.of(), "The second project waits for standby_c to go.", null, "WARNING"));
            Map<String, Object> warning = finding(test(id), REPLICATION_SLOTS);
            assertThat(warning).containsEntry("severity", "WARNING");
            assertThat((Map<String, Object>) warning.get("accepted")).containsEntry("severity", "WARNING");

            target.server().executeIn("accept_rises", "SELECT pg_create_physical_replication_slot('standby_d')");

            JsonPath after = test(id);
            assertThat(finding(after, REPLICATION_SLOTS)).containsEntry("severity", "BLOCKER").containsEntry("accepted", null);
            assertThat(incrementalState(after)).isEqualTo("BLOCKED");
        } finally {
            target.server().executeIn("accept_rises", "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots");
        }
    }

    @Test
    void aSecondKeylessTableBlocksAgain() {
        String id = blockedSource("accept_second");
        acceptEvents(id, inDays(30));
        secondKeylessTableIn(target, "accept_second");

        JsonPath after = test(id);

        assertThat(incrementalState(after)).isEqualTo("BLOCKED");
        assertThat(finding(after, REPLICA_IDENTITY)).containsEntry("accepted", null).containsEntry("objectCount", 2);
    }

    @Test
    void aRevokedAcceptanceBlocksAgain() {
        String id = blockedSource("accept_revoke");
        String acceptance = acceptEvents(id, inDays(30));
        assertThat(incrementalState(test(id))).isIn("READY", "WARNINGS");

        given().delete("/api/datasources/" + id + "/acceptances/" + acceptance).then().statusCode(204);

        JsonPath after = test(id);
        assertThat(incrementalState(after)).isEqualTo("BLOCKED");
        assertThat(finding(after, REPLICA_IDENTITY)).containsEntry("accepted", null);
        assertThat(given().get("/api/datasources/" + id + "/acceptances").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
    }

    @Test
    void anAcceptanceStopsCountingOnceItExpires() {
        String id = blockedSource("accept_expiry");
        Instant expiresAt = Instant.now().plusSeconds(3);
        acceptEvents(id, expiresAt);
        assertThat(incrementalState(test(id))).isIn("READY", "WARNINGS");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt));

        assertThat(incrementalState(test(id))).isEqualTo("BLOCKED");
        assertThat(given().get("/api/datasources/" + id + "/acceptances").then().statusCode(200).extract().jsonPath()
                .getBoolean("[0].expired")).isTrue();
    }

    @Test
    void theWatchStateAndItsCountsLeaveAcceptedFindingsOut() {
        String id = blockedSource("accept_watch");
        acceptEvents(id, inDays(30));

        JsonPath readiness = given().post("/api/datasources/" + id + "/readiness").then().statusCode(200).extract().jsonPath();

        assertThat(readiness.getString("state")).isIn("READY", "WARNINGS");
        assertThat(readiness.getInt("blockers")).isZero();
        assertThat(readiness.getString("latest.readiness.findings.find { it.check == 'tables.replica_identity' }.accepted.reason"))
                .isEqualTo(REASON);
    }

    @Test
    void everyAcceptAndRevokeIsAuditedWithTheReason() {
        String id = blockedSource("accept_audit");
        String acceptance = acceptEvents(id, inDays(30));
        given().delete("/api/datasources/" + id + "/acceptances/" + acceptance).then().statusCode(204);

        JsonPath audit = given().queryParam("dataSourceId", id).get("/api/audit").then().statusCode(200).extract().jsonPath();

        assertThat(audit.getString("items.find { it.action == 'RISK_ACCEPTED' }.detail")).contains(REASON, "app.events");
        assertThat(audit.getString("items.find { it.action == 'RISK_ACCEPTANCE_REVOKED' }.detail")).contains(REASON);
    }
}
