package io.dsm.watch.service;

import static io.dsm.watch.WatchedSources.events;
import static io.dsm.watch.WatchedSources.history;
import static io.dsm.watch.WatchedSources.readiness;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.dsm.connection.service.SourceCheck;
import io.dsm.readiness.LogicalTargetTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Two watch instances over one store, both looking for due checks when an acceptance expires: one of them
 * checks the source, and the expiry is recorded once, in one history entry and one webhook event.
 */
@QuarkusTest
@TestProfile(WebhookQueuedProfile.class)
class ExpiryOnTwoInstancesTest extends LogicalTargetTest {

    private static final String REPLICA_IDENTITY = "tables.replica_identity";

    @Inject
    AgroalDataSource store;

    @Inject
    SourceCheck checks;

    @Inject
    CheckResults results;

    @Test
    void recordTheExpiryOnceBetweenThem() throws Exception {
        target.database("two_expiry", "CREATE TABLE app.events (payload text)", "CREATE PUBLICATION two_expiry_pub FOR TABLE app.events");
        String id = DataSources.create(target.source("two_expiry").identifier("twoexpiry")).getString("id");
        UUID source = UUID.fromString(id);
        Instant expiresAt = Instant.now().plusSeconds(9).truncatedTo(ChronoUnit.SECONDS);
        given().body(Map.of("check", REPLICA_IDENTITY, "objects", List.of("app.events"), "reason", "Insert-only audit table",
                "expiresAt", expiresAt.toString())).post("/api/datasources/" + id + "/acceptances").then().statusCode(201);
        onlyDue(source);
        assertThat(checkAs("instance-a", source)).as("the check after the acceptance").isTrue();
        JsonPath accepted = readiness(id);
        assertThat(accepted.getInt("accepted")).isEqualTo(1);
        assertThat(accepted.getString("state")).isNotEqualTo("BLOCKED");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(expiresAt.plusMillis(200)));
        List<Boolean> checked = bothAtOnce(source);

        assertThat(checked).as("which instance checked").containsExactlyInAnyOrder(true, false);
        assertThat(readiness(id).getString("state")).isEqualTo("BLOCKED");
        assertThat(history(id, "ACCEPTANCE_EXPIRED")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("check", REPLICA_IDENTITY));
        assertThat(history(id, "STATE_CHANGED")).filteredOn(entry -> "BLOCKED".equals(entry.get("toState"))).hasSize(1);
        assertThat(events(id)).filteredOn(event -> !event.getList("expiredAcceptances").isEmpty()).singleElement()
                .satisfies(event -> assertThat(event.getString("state")).isEqualTo("BLOCKED"));
    }

    /** Leaves only this source due, so that every claim below is of it, and forgets the instances seen. */
    private void onlyDue(UUID source) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE readiness_watch SET next_check_at = 'infinity' WHERE data_source_id <> ?")) {
            statement.setObject(1, source);
            statement.executeUpdate();
            connection.createStatement().executeUpdate("DELETE FROM instance_presence");
        }
    }

    private List<Boolean> bothAtOnce(UUID source) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            Future<Boolean> a = instances.submit(() -> {
                start.await();
                return checkAs("instance-a", source);
            });
            Future<Boolean> b = instances.submit(() -> {
                start.await();
                return checkAs("instance-b", source);
            });
            return List.of(a.get(), b.get());
        } finally {
            instances.shutdownNow();
        }
    }

    /** What one watch instance does in a poll: claims a due check, if any, runs it and stores its result. */
    private boolean checkAs(String owner, UUID source) throws SQLException {
        List<WatchStore.Claim> claims = WatchStore.claimDue(store, owner, 1, Duration.ofSeconds(30), Duration.ofSeconds(4),
                Duration.ZERO);
        if (claims.isEmpty()) {
            return false;
        }
        assertThat(claims.get(0).dataSourceId()).isEqualTo(source);
        Instant startedAt = Instant.now();
        assertThat(results.store(source, owner, checks.inBackground(source), startedAt, ReadinessWatchScheduler.ACTOR)).isPresent();
        return true;
    }
}
