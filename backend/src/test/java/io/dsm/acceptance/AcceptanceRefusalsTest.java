package io.dsm.acceptance;

import static io.dsm.acceptance.Acceptances.REPLICATION_SLOTS;
import static io.dsm.acceptance.Acceptances.REPLICA_IDENTITY;
import static io.dsm.acceptance.Acceptances.accept;
import static io.dsm.acceptance.Acceptances.body;
import static io.dsm.acceptance.Acceptances.inDays;
import static io.dsm.acceptance.Acceptances.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.common.security.Role;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.PostgresResource;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Every acceptance the API refuses, each with problem+json naming the field or the reason. */
@QuarkusTest
@TestProfile(AcceptanceTestProfile.class)
class AcceptanceRefusalsTest extends ApiTest {

    private static final String REASON = "Weighed by the DBA.";

    private static String source() {
        return DataSources.create(DataSources.primary(DataSources.uniqueIdentifier("acc"))).getString("id");
    }

    private static void refusedNaming(ValidatableResponse response, String field, String message) {
        response.statusCode(400).contentType("application/problem+json").body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field)).body("violations[0].message", containsString(message));
    }

    @Test
    void refusesAnUnknownCheck() {
        refusedNaming(post(source(), body("tables.no_such_check", List.of(), REASON, inDays(1))), "check",
                "is not a readiness check id");
    }

    @Test
    void refusesAConnectionCheck() {
        String id = source();
        refusedNaming(post(id, body("connection.network", List.of(), REASON, inDays(1))), "check", "can never be accepted");
        refusedNaming(post(id, body("replication.connection", List.of(), REASON, inDays(1))), "check", "can never be accepted");
    }

    @Test
    void refusesABlockerWithoutAnExpiry() {
        refusedNaming(post(source(), body(REPLICA_IDENTITY, List.of("app.events"), REASON, null)), "expiresAt",
                "is required to accept tables.replica_identity's blockers");
        refusedNaming(post(source(), body(REPLICATION_SLOTS, List.of(), REASON, null, "BLOCKER")), "expiresAt",
                "is required to accept server.replication_slots's blockers");
    }

    @Test
    void acceptsTheWarningOfACheckThatCanBlockWithoutAnExpiry() {
        JsonPath accepted = accept(source(), body(REPLICATION_SLOTS, List.of(), REASON, null, "WARNING"));

        assertThat(accepted.getString("severity")).isEqualTo("WARNING");
        assertThat(accepted.getString("expiresAt")).isNull();
    }

    @Test
    void acceptsTheWorstSeverityTheCheckCanRaiseByDefault() {
        String id = source();

        assertThat(accept(id, body(REPLICA_IDENTITY, List.of("app.events"), REASON, inDays(1))).getString("severity"))
                .isEqualTo("BLOCKER");
        assertThat(accept(id, body("server.max_slot_wal_keep_size", List.of(), REASON, null)).getString("severity"))
                .isEqualTo("WARNING");
    }

    @Test
    void refusesASeverityTheCheckCanNeverRaise() {
        refusedNaming(post(source(), body("server.max_slot_wal_keep_size", List.of(), REASON, inDays(1), "BLOCKER")), "severity",
                "server.max_slot_wal_keep_size raises at most WARNING findings");
    }

    @Test
    void refusesToAcceptInformationOfACheckThatCanWarn() {
        refusedNaming(post(source(), body("server.max_slot_wal_keep_size", List.of(), REASON, null, "INFO")), "severity",
                "must be WARNING or BLOCKER");
    }

    @Test
    void acceptsAWarningWithoutAnExpiry() {
        accept(source(), body("server.max_slot_wal_keep_size", List.of(), REASON, null));
    }

    @Test
    void refusesAnExpiryInThePast() {
        refusedNaming(post(source(), body(REPLICA_IDENTITY, List.of("app.events"), REASON, Instant.now().minusSeconds(60))),
                "expiresAt", "must be in the future");
    }

    @Test
    void refusesAnExpiryBeyondTheMaximum() {
        refusedNaming(post(source(), body(REPLICA_IDENTITY, List.of("app.events"), REASON, inDays(91))), "expiresAt",
                "at most 90 days ahead");
    }

    @Test
    void refusesAnEmptyReason() {
        refusedNaming(post(source(), body(REPLICA_IDENTITY, List.of("app.events"), "   ", inDays(1))), "reason",
                "must not be empty");
    }

    @Test
    void refusesObjectsOnACheckThatHasNone() {
        refusedNaming(post(source(), body("server.wal_level", List.of("app.events"), REASON, inDays(1))), "objects",
                "names no objects");
    }

    @Test
    void refusesNoObjectsOnACheckThatNamesThem() {
        refusedNaming(post(source(), body(REPLICA_IDENTITY, List.of(), REASON, inDays(1))), "objects",
                "must name the objects accepted");
    }

    @Test
    void refusesAnUnknownDataSource() {
        post(UUID.randomUUID().toString(), body(REPLICA_IDENTITY, List.of("app.events"), REASON, inDays(1))).statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/datasources/" + UUID.randomUUID() + "/acceptances").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesToRevokeAnUnknownAcceptance() {
        given().delete("/api/datasources/" + source() + "/acceptances/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesASourceManagedByAProvisioningFileNamingTheFile() throws SQLException {
        String id = source();
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement("UPDATE data_source SET provisioned_by = ? WHERE id = ?")) {
            statement.setString(1, "sources.yaml");
            statement.setObject(2, UUID.fromString(id));
            statement.executeUpdate();
        }

        post(id, body(REPLICA_IDENTITY, List.of("app.events"), REASON, inDays(1))).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("sources.yaml"))
                .body("violations[0].field", equalTo("provisionedBy"));
    }

    @Test
    void aViewerReadsButCannotAccept() {
        String id = source();
        TestUsers.as(Role.VIEWER).body(body(REPLICA_IDENTITY, List.of("app.events"), REASON, inDays(1)))
                .post("/api/datasources/" + id + "/acceptances").then().statusCode(403);
        TestUsers.as(Role.VIEWER).get("/api/datasources/" + id + "/acceptances").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void answersCreatedWithTheLocationOfTheAcceptance() {
        String id = source();
        post(id, body(REPLICA_IDENTITY, List.of("app.events"), "  " + REASON + "  ", inDays(1))).statusCode(201)
                .header("Location", containsString("/api/datasources/" + id + "/acceptances/"))
                .body("reason", equalTo(REASON)).body("acceptedBy", equalTo(ADMIN)).body("source", equalTo("API"))
                .body("objects", equalTo(List.of("app.events"))).body("severity", equalTo("BLOCKER")).body("expired", equalTo(false));
    }
}
