package io.dsm.heartbeat;

import static io.dsm.heartbeat.HeartbeatTest.awaitAdvancing;
import static io.dsm.heartbeat.HeartbeatTest.eventually;
import static io.dsm.heartbeat.HeartbeatTest.heartbeatSource;
import static io.dsm.heartbeat.HeartbeatTest.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.PostgresResource;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FastHeartbeatProfile.class)
class HeartbeatRecoveryTest extends ApiTest {

    @Test
    void goesBackToActiveWithinTwoIntervalsOfTheTargetsReturn() throws Exception {
        try (TargetServer target = TargetServer.start()) {
            String id = DataSources.create(heartbeatSource(target, null)).getString("id");
            awaitAdvancing(target, "public");

            target.stop();
            eventually().untilAsserted(() -> assertThat(status(id).getString("heartbeat.state")).isEqualTo("FAILING"));
            Thread.sleep(FastHeartbeatProfile.INTERVAL_MS * 6);
            assertThat(status(id).getInt("heartbeat.consecutiveFailures")).isPositive();

            target.restart();
            long restarted = System.nanoTime();
            awaitAdvancing(target, "public");
            long recoveredMs = (System.nanoTime() - restarted) / 1_000_000;
            // Two intervals for the beat, plus the tick that publishes the status and polling slack.
            assertThat(recoveredMs).isLessThan(FastHeartbeatProfile.INTERVAL_MS * 2 + 1500);
            eventually().untilAsserted(() -> assertThat(status(id).getString("heartbeat.state")).isEqualTo("ACTIVE"));
            given().delete("/api/datasources/" + id).then().statusCode(204);
        }
    }

    @Test
    void keepsEverythingWhenTheTableCannotBeDropped() throws SQLException {
        TargetServer target = TargetServer.start();
        String id = DataSources.create(heartbeatSource(target, null)).getString("id");
        target.stop();
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("dropHeartbeatTable"));
        given().get("/api/datasources/" + id).then().statusCode(200).body("heartbeatEnabled", equalTo(true));
        assertThat(heartbeatRows(id)).as("heartbeat is on again").isEqualTo(1);
        given().queryParam("dataSourceId", id).queryParam("action", "DATA_SOURCE_DELETED").get("/api/audit")
                .then().statusCode(200).body("total", equalTo(0));
        given().delete("/api/datasources/" + id).then().statusCode(204);
    }

    /** The data source's rows in dsm's heartbeat table: one while heartbeat is on, whichever instance beats it. */
    private static int heartbeatRows(String id) throws SQLException {
        try (Connection store = PostgresResource.database().connect();
                PreparedStatement count = store.prepareStatement("SELECT count(*) FROM heartbeat WHERE data_source_id = ?")) {
            count.setObject(1, UUID.fromString(id));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
