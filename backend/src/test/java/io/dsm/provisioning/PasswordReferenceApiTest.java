package io.dsm.provisioning;

import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.SecretLeakGuard;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A password given as a reference through the API: read at each use, shown as a reference, never stored or shown itself. */
@QuarkusTest
@TestProfile(ProvisioningProfile.class)
class PasswordReferenceApiTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    private static String secretFile(String name, String content) throws IOException {
        Files.writeString(Folders.secrets().resolve(name), content);
        return "file:" + name;
    }

    private static DataSourceBody referencing(String reference) {
        return DataSourceBody.migrator(target.port()).identifier(uniqueIdentifier("ref")).without("password")
                .with("passwordRef", reference);
    }

    @Test
    void storesTheReferenceAndShowsItButNeverTheSecret() throws IOException {
        SecretLeakGuard.rememberSecret(TargetServer.MIGRATOR_PASSWORD);
        String reference = secretFile("stored.pw", TargetServer.MIGRATOR_PASSWORD + "\n");
        JsonPath created = DataSources.create(referencing(reference));
        assertThat(created.getString("passwordRef")).isEqualTo(reference);
        assertThat(created.getBoolean("passwordSet")).isTrue();
        assertThat(created.prettify()).doesNotContain(TargetServer.MIGRATOR_PASSWORD);
    }

    @Test
    void testsAStoredSourceWithTheSecretReadAtThatMoment() throws IOException {
        String reference = secretFile("rotating.pw", "pw-Not-The-Password-1\n");
        String id = DataSources.create(referencing(reference)).getString("id");
        given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                .body("success", equalTo(false))
                .body("checks.find { it.name == 'AUTHENTICATION' }.status", equalTo("FAILED"));

        secretFile("rotating.pw", TargetServer.MIGRATOR_PASSWORD + "\n");

        given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void testsAnUnsavedFormWithAReference() throws IOException {
        String reference = secretFile("unsaved.pw", TargetServer.MIGRATOR_PASSWORD);
        given().body(referencing(reference)).post("/api/datasources/test-connection").then().statusCode(200)
                .body("success", equalTo(true));
    }

    @Test
    void saysWhichSecretIsMissingWhenItIsUsed() {
        String id = DataSources.create(referencing("file:not-there-yet.pw")).getString("id");
        given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                .body("checks.find { it.name == 'AUTHENTICATION' }.message", containsString("not-there-yet.pw does not exist"));
    }

    @Test
    void refusesAReferenceThatLeavesTheSecretsFolderNamingTheField() {
        for (String escape : new String[] { "file:../provisioning/x.yaml", "file:/etc/passwd", "env:DSM_SECRET_KEY", "env:PATH",
                "env:HOME", "vault:x" }) {
            given().body(referencing(escape)).post("/api/datasources").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("passwordRef"));
        }
    }

    @Test
    void refusesALinkThatLeadsOutOfTheSecretsFolder() throws IOException {
        Path outside = Files.writeString(Folders.secrets().getParent().resolve("outside.pw"), "pw-Outside-9a1");
        Files.deleteIfExists(Folders.secrets().resolve("escape.pw"));
        Files.createSymbolicLink(Folders.secrets().resolve("escape.pw"), outside);
        given().body(referencing("file:escape.pw")).post("/api/datasources").then().statusCode(400)
                .body("violations[0].field", equalTo("passwordRef"))
                .body("violations[0].message", containsString("leads out of DSM_SECRETS_DIR"));
    }

    @Test
    void refusesAPasswordAndAReferenceTogether() {
        given().body(referencing("file:x.pw").password("pw-Both-given-1")).post("/api/datasources").then().statusCode(400)
                .body("violations[0].field", equalTo("passwordRef"));
    }

    @Test
    void switchesBetweenAStoredPasswordAndAReferenceOnUpdate() throws IOException {
        JsonPath created = DataSources.create(DataSourceBody.migrator(target.port()).identifier(uniqueIdentifier("switch")));
        String id = created.getString("id");
        String reference = secretFile("switch.pw", TargetServer.MIGRATOR_PASSWORD);
        DataSourceBody update = DataSourceBody.migrator(target.port()).identifier(created.getString("identifier")).without("password")
                .with("passwordRef", reference).with("version", 0);
        given().body(update).put("/api/datasources/" + id).then().statusCode(200).body("passwordRef", equalTo(reference));
        given().body(update.without("passwordRef").password(TargetServer.MIGRATOR_PASSWORD).with("version", 1))
                .put("/api/datasources/" + id).then().statusCode(200).body("passwordRef", equalTo(null))
                .body("passwordSet", equalTo(true));
    }

    @Test
    void takesAReferenceForTheStandbyPasswordToo() {
        DataSourceBody pair = DataSources.primaryStandby(uniqueIdentifier("pair"))
                .standby(io.dsm.testing.StandbyBody.at("10.0.12.8", 5433).passwordRef("env:DSM_SOURCE_PAIR_STANDBY"));
        JsonPath created = DataSources.create(pair);
        assertThat(created.getString("standby.passwordRef")).isEqualTo("env:DSM_SOURCE_PAIR_STANDBY");
        assertThat(created.getBoolean("standby.passwordSet")).isTrue();
        given().body(DataSources.primaryStandby(uniqueIdentifier("pair"))
                .standby(io.dsm.testing.StandbyBody.at("10.0.12.8", 5433).passwordRef("env:AWS_SECRET_ACCESS_KEY")))
                .post("/api/datasources").then().statusCode(400).body("violations.field", hasItem("standby.passwordRef"));
    }
}
