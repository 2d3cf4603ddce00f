package io.dsm.provisioning;

import static io.dsm.provisioning.ProvisioningFiles.awaitStatus;
import static io.dsm.provisioning.ProvisioningFiles.entry;
import static io.dsm.provisioning.ProvisioningFiles.file;
import static io.dsm.provisioning.ProvisioningFiles.source;
import static io.dsm.provisioning.ProvisioningFiles.write;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.common.security.Role;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.Sockets.CountingRelay;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A password reference names a secret its sender never saw, so through the API only an ADMIN may give
 * one: an OPERATOR gets 403 naming the field, but may keep a data source's reference as it is. Files
 * written by whoever deploys dsm keep their references, and their saved passwords stay with their
 * endpoints like any other.
 */
@QuarkusTest
@TestProfile(ProvisioningProfile.class)
class PasswordReferenceRoleTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    private static String secretFile(String name) throws IOException {
        Files.writeString(Folders.secrets().resolve(name), TargetServer.MIGRATOR_PASSWORD + "\n");
        return "file:" + name;
    }

    private static DataSourceBody referencing(int port, String reference) {
        return DataSourceBody.migrator(port).identifier(uniqueIdentifier("role")).without("password").with("passwordRef", reference);
    }

    private static RequestSpecification operator(Object body) {
        return TestUsers.as(Role.OPERATOR).contentType("application/json").body(body);
    }

    private static String createdByAdmin(DataSourceBody body) {
        return DataSources.create(body).getString("id");
    }

    @Test
    void refusesAnOperatorsReferenceInATestOfAnUnsavedFormAndDialsNothing() throws IOException {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            operator(referencing(relay.port(), secretFile("unsaved-op.pw"))).post("/api/datasources/test-connection")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("violations.field", contains("passwordRef"))
                    .body("violations[0].message", containsString("needs the ADMIN role"));

            assertThat(relay.accepted()).isZero();
        }
    }

    @Test
    void refusesAnOperatorsReferenceOnCreateAndStoresNothing() {
        DataSourceBody body = referencing(target.port(), "env:DSM_SOURCE_ANYTHING");

        operator(body).post("/api/datasources").then().statusCode(403).body("violations.field", contains("passwordRef"));

        assertThat(source((String) body.get("identifier"))).isEmpty();
    }

    @Test
    void refusesAnOperatorsStandbyReferenceNamingIt() {
        DataSourceBody pair = DataSources.primaryStandby(uniqueIdentifier("pair"))
                .standby(StandbyBody.at("10.0.12.8", 5433).passwordRef("env:DSM_SOURCE_PAIR_STANDBY"));

        operator(pair).post("/api/datasources").then().statusCode(403).body("violations.field", contains("standby.passwordRef"));
    }

    @Test
    void refusesAnOperatorsReferenceBeforeLookingAtIt() {
        operator(referencing(target.port(), "env:PATH")).post("/api/datasources").then().statusCode(403)
                .body("violations.field", contains("passwordRef"));
    }

    @Test
    void refusesAnOperatorsNewReferenceOnUpdate() throws IOException {
        DataSourceBody body = DataSources.primary(uniqueIdentifier("upd"));
        String id = createdByAdmin(body);

        operator(body.without("password").with("passwordRef", secretFile("swap.pw")).version(0)).put("/api/datasources/" + id)
                .then().statusCode(403).body("violations.field", contains("passwordRef"));

        assertThat(DataSources.read(id).getString("passwordRef")).isNull();
    }

    @Test
    void letsAnOperatorKeepTheStoredReferenceSentBackUnchanged() throws IOException {
        String reference = secretFile("kept.pw");
        DataSourceBody body = referencing(target.port(), reference);
        String id = createdByAdmin(body);

        operator(body.remarks("sent back as the edit dialog does").version(0)).put("/api/datasources/" + id).then().statusCode(200)
                .body("passwordRef", equalTo(reference));
        operator(body.without("passwordRef").remarks("or left out").version(1)).put("/api/datasources/" + id).then()
                .statusCode(200).body("passwordRef", equalTo(reference));
    }

    @Test
    void letsAnOperatorTestEditsThatKeepTheStoredReferenceAndItsEndpoint() throws IOException {
        DataSourceBody body = referencing(target.port(), secretFile("kept-test.pw"));
        String id = createdByAdmin(body);

        operator(body.schemaName("public")).post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                .body("checks.find { it.name == 'AUTHENTICATION' }.status", equalTo("PASSED"));
    }

    @Test
    void refusesAnOperatorWhoPointsTheStoredReferenceAtAnotherHost() throws IOException {
        DataSourceBody body = referencing(target.port(), secretFile("pointed.pw"));
        String id = createdByAdmin(body);

        operator(body.host("localhost").version(0)).put("/api/datasources/" + id).then().statusCode(403)
                .body("violations.field", contains("passwordRef"))
                .body("violations[0].message", containsString("now that the host changed"));
    }

    @Test
    void letsAnAdministratorGiveReferencesEverywhere() throws IOException {
        String reference = secretFile("admin.pw");
        given().body(referencing(target.port(), reference)).post("/api/datasources/test-connection").then().statusCode(200)
                .body("success", equalTo(true));
        DataSourceBody body = DataSources.primary(uniqueIdentifier("adm"));
        String id = createdByAdmin(body);
        given().body(body.without("password").with("passwordRef", reference).host("localhost").version(0))
                .put("/api/datasources/" + id).then().statusCode(200).body("passwordRef", equalTo(reference));
        createdByAdmin(referencing(target.port(), reference));
    }

    @Test
    void auditsARefusedReferenceAsAFailureNamingWhoAndTheField() {
        DataSourceBody body = DataSources.primary(uniqueIdentifier("aud"));
        String id = createdByAdmin(body);

        operator(body.without("password").with("passwordRef", "env:DSM_SOURCE_ELSEWHERE").version(0)).put("/api/datasources/" + id)
                .then().statusCode(403);

        Map<String, Object> event = given().queryParam("dataSourceId", id).get("/api/audit").then().statusCode(200).extract()
                .jsonPath().getMap("items[0]");
        assertThat(event).containsEntry("action", "DATA_SOURCE_UPDATED").containsEntry("outcome", "FAILURE")
                .containsEntry("actor", TestUsers.username(Role.OPERATOR));
        assertThat((String) event.get("detail")).contains("passwordRef needs the ADMIN role");
    }

    @Test
    void refusesATestOfAProvisionedSourceWithAnEditedHostAndNoPasswordDialingNothing() throws IOException {
        try (CountingRelay relay = new CountingRelay(target.port())) {
            secretFile("filed01.pw");
            write("filed.yaml", file(false, entry("filed01", relay.port(), "file:filed01.pw")));
            awaitStatus("filed.yaml", "APPLIED");
            JsonPath filed = source("filed01").orElseThrow();
            DataSourceBody edited = DataSourceBody.migrator(relay.port()).identifier("filed01").without("password").host("localhost");

            given().body(edited).post("/api/datasources/" + filed.getString("id") + "/test-connection").then().statusCode(400)
                    .body("violations.field", contains("password"));
            operator(edited.with("passwordRef", "file:filed01.pw")).post("/api/datasources/" + filed.getString("id")
                    + "/test-connection").then().statusCode(403).body("violations.field", contains("passwordRef"));

            assertThat(relay.accepted()).isZero();
        }
    }
}
