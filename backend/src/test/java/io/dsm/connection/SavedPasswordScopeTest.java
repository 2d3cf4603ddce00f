package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.dsm.common.security.Role;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.Sockets.CountingRelay;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.dsm.testing.TestCertificates;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A saved password goes only to the endpoint it was saved with (host, port, username, TLS mode and CA
 * certificate): testing a saved data source with an edit that moves an endpoint needs that endpoint's
 * password again, and until it is given nothing is dialed. Every endpoint here is a relay that counts
 * the connections dsm opens through it.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class SavedPasswordScopeTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    private static final String CA = TestCertificates.unrelatedCaPem();
    private static final String OTHER_CA = TestCertificates.unrelatedCaPem();

    /**
     * An edit of a saved data source: how it was saved (on the relay's port), what the edit changes (the other relay's
     * port is there for a change of port), the violation it gets without a password, and the password that answers it.
     */
    record Edit(String name, UnaryOperator<DataSourceBody> saved, BiFunction<DataSourceBody, Integer, DataSourceBody> edit,
            String field, String because, UnaryOperator<DataSourceBody> typed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static UnaryOperator<DataSourceBody> primaryPassword(String password) {
        return body -> body.password(password);
    }

    static Stream<Edit> edits() {
        UnaryOperator<DataSourceBody> plain = UnaryOperator.identity();
        UnaryOperator<DataSourceBody> verifyingCa = body -> body.tls("verify-ca", CA);
        UnaryOperator<DataSourceBody> pair = body -> body.attribute("PRIMARY_STANDBY")
                .standby(StandbyBody.at("127.0.0.1", (Integer) body.get("port")).password(TargetServer.MIGRATOR_PASSWORD));
        return Stream.of(
                new Edit("host", plain, (body, other) -> body.host("localhost"), "password", "the host changed",
                        primaryPassword(TargetServer.MIGRATOR_PASSWORD)),
                new Edit("port", plain, (body, other) -> body.port(other), "password", "the port changed",
                        primaryPassword(TargetServer.MIGRATOR_PASSWORD)),
                new Edit("username", plain, (body, other) -> body.username(TargetServer.READER), "password",
                        "the username changed", primaryPassword(TargetServer.READER_PASSWORD)),
                new Edit("TLS mode", plain, (body, other) -> body.tls("disable", null), "password", "the TLS mode changed",
                        primaryPassword(TargetServer.MIGRATOR_PASSWORD)),
                new Edit("CA certificate", verifyingCa, (body, other) -> body.tls("verify-ca", OTHER_CA), "password",
                        "the CA certificate changed", primaryPassword(TargetServer.MIGRATOR_PASSWORD)),
                new Edit("standby host", pair,
                        (body, other) -> body.standby(StandbyBody.at("localhost", (Integer) body.get("port"))),
                        "standby.password", "the standby's host changed",
                        body -> body.standby(StandbyBody.at("localhost", (Integer) body.get("port"))
                                .password(TargetServer.MIGRATOR_PASSWORD))));
    }

    /** A data source saved at the relay, and the body of its edit form as the console sends it: without the password. */
    private static DataSourceBody saved(Edit edit, CountingRelay relay) {
        DataSourceBody body = edit.saved().apply(migrator(relay.port()).identifier(DataSources.uniqueIdentifier("scope")));
        String id = DataSources.create(body).getString("id");
        return body.with("id", id).without("password");
    }

    private static Response testStored(DataSourceBody edited) {
        return given().body(edited).post("/api/datasources/" + edited.get("id") + "/test-connection");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void asksForThePasswordAgainAndDialsNothingWhenTheEndpointItWasSavedWithChanges(Edit edit) throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port()); CountingRelay other = new CountingRelay(target.port())) {
            DataSourceBody edited = edit.edit().apply(saved(edit, relay), other.port());

            testStored(edited).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains(edit.field()))
                    .body("violations[0].message", containsString(edit.because()))
                    .body("violations[0].message", containsString("type the"));

            assertThat(relay.accepted() + other.accepted()).as("connections opened").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void runsTheTestOfAMovedEndpointWhenItsPasswordIsTypedAgain(Edit edit) throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port()); CountingRelay other = new CountingRelay(target.port())) {
            DataSourceBody edited = edit.typed().apply(edit.edit().apply(saved(edit, relay), other.port()));

            testStored(edited).then().statusCode(200);

            assertThat(relay.accepted() + other.accepted()).as("connections opened").isPositive();
        }
    }

    @Test
    void usesTheTypedPasswordForTheMovedEndpoint() throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            Edit username = edits().filter(e -> e.name().equals("username")).findFirst().orElseThrow();
            DataSourceBody edited = saved(username, relay).username(TargetServer.READER).password(TargetServer.READER_PASSWORD);

            JsonPath result = testStored(edited).then().statusCode(200).extract().jsonPath();

            assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED");
        }
    }

    @Test
    void comparesHostNamesIgnoringCaseAsDnsDoes() throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            DataSourceBody body = migrator(relay.port()).host("localhost").identifier(DataSources.uniqueIdentifier("case"));
            String id = DataSources.create(body).getString("id");

            JsonPath result = given().body(body.without("password").host("LocalHost"))
                    .post("/api/datasources/" + id + "/test-connection").then().statusCode(200).extract().jsonPath();

            assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED");
        }
    }

    @Test
    void namesEveryPartOfTheEndpointThatChanged() throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port()); CountingRelay other = new CountingRelay(target.port())) {
            Edit host = edits().findFirst().orElseThrow();
            DataSourceBody edited = saved(host, relay).host("localhost").port(other.port()).username(TargetServer.READER);

            testStored(edited).then().statusCode(400)
                    .body("violations[0].message", containsString("the host, port and username changed"));
        }
    }

    @Test
    void refusesAnOperatorAsItRefusesAnAdministrator() throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            Edit host = edits().findFirst().orElseThrow();
            DataSourceBody edited = saved(host, relay).host("localhost");

            TestUsers.as(Role.OPERATOR).contentType("application/json").body(edited)
                    .post("/api/datasources/" + edited.get("id") + "/test-connection")
                    .then().statusCode(400).body("violations.field", contains("password"));

            assertThat(relay.accepted()).isZero();
        }
    }

    @Test
    void auditsARefusedTestAsAFailureNamingWhoAndTheField() throws Exception {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            Edit host = edits().findFirst().orElseThrow();
            DataSourceBody edited = saved(host, relay).host("localhost");
            testStored(edited).then().statusCode(400);

            Map<String, Object> event = given().queryParam("dataSourceId", edited.get("id")).get("/api/audit").then()
                    .statusCode(200).extract().jsonPath().getMap("items[0]");

            assertThat(event).containsEntry("action", "CONNECTION_TESTED").containsEntry("outcome", "FAILURE")
                    .containsEntry("actor", ADMIN);
            assertThat((String) event.get("detail")).contains("password the host changed")
                    .doesNotContain(TargetServer.MIGRATOR_PASSWORD);
        }
    }
}
