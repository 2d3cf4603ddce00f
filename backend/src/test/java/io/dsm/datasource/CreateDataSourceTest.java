package io.dsm.datasource;

import static io.dsm.testing.DataSources.PASSWORD;
import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.primaryStandby;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StoredRows;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CreateDataSourceTest extends ApiTest {

    @Test
    void createsDataSourceAndAnswersWithItsLocation() {
        String identifier = uniqueIdentifier("orders");
        var response = given().body(primary(identifier)).post("/api/datasources");
        String id = response.then().statusCode(201)
                .body("identifier", equalTo(identifier))
                .body("type", equalTo("POSTGRESQL"))
                .body("attribute", equalTo("PRIMARY"))
                .body("host", equalTo("10.0.12.7"))
                .body("port", equalTo(5432))
                .body("username", equalTo("migrator"))
                .body("databaseName", equalTo("orders"))
                .body("passwordSet", equalTo(true))
                .body("heartbeatEnabled", equalTo(false))
                .body("heartbeat.state", equalTo("DISABLED"))
                .body("version", equalTo(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .extract().path("id");
        assertThat(response.header("Location")).endsWith("/api/datasources/" + UUID.fromString(id));
        given().get(response.header("Location")).then().statusCode(200).body("identifier", equalTo(identifier));
    }

    @Test
    void answersWithTheSameStateALaterReadReturns() {
        Map<String, Object> created = DataSources.create(primary(uniqueIdentifier("same"))).getMap("$");
        Map<String, Object> read = DataSources.read((String) created.get("id")).getMap("$");
        assertThat(read).isEqualTo(created);
        assertThat(created.get("createdAt")).isEqualTo(created.get("updatedAt"));
    }

    @Test
    void placesDataSourceInTheOnlyConfiguredRegionWhenNoneIsGiven() {
        given().body(primary(uniqueIdentifier("region"))).post("/api/datasources")
                .then().statusCode(201).body("region", equalTo("default"));
    }

    @Test
    void storesThePasswordAsCiphertextSealedWithTheConfiguredKey() {
        String id = DataSources.create(primary(uniqueIdentifier("cipher"))).getString("id");
        String sealed = StoredRows.column(id, "password_sealed");
        SecretCipher cipher = SecretCipher.fromBase64(StoredRows.TEST_KEY);
        assertThat(sealed).doesNotContain(PASSWORD).startsWith("v1." + cipher.fingerprint() + ".");
        assertThat(cipher.open(sealed, id).reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void defaultsTheStandbyUsernameAndPasswordToThePrimarys() {
        String id = given().body(primaryStandby(uniqueIdentifier("pair"))).post("/api/datasources")
                .then().statusCode(201)
                .body("standby.host", equalTo("10.0.12.8"))
                .body("standby.port", equalTo(5433))
                .body("standby.username", equalTo("migrator"))
                .body("standby.passwordSet", equalTo(true))
                .body("standby", not(org.hamcrest.Matchers.hasKey("password")))
                .extract().path("id");
        assertThat(StoredRows.openPassword(id, "standby_password_sealed")).isEqualTo(PASSWORD);
    }

    @Test
    void keepsAStandbyPasswordOfItsOwn() {
        DataSourceBody body = primaryStandby(uniqueIdentifier("pair"))
                .standby(StandbyBody.at("10.0.12.8", 5433).username("replica_reader").password(DataSources.STANDBY_PASSWORD));
        String id = given().body(body).post("/api/datasources").then().statusCode(201)
                .body("standby.username", equalTo("replica_reader")).extract().path("id");
        assertThat(StoredRows.openPassword(id, "standby_password_sealed")).isEqualTo(DataSources.STANDBY_PASSWORD);
    }

    @Test
    void treatsAnEmptySchemaNameAsAbsent() {
        DataSourceBody body = primary(uniqueIdentifier("schema")).schemaName("");
        given().body(body).post("/api/datasources").then().statusCode(201).body("schemaName", nullValue());
    }

    @Test
    void rejectsADuplicateIdentifierIgnoringCase() {
        String identifier = uniqueIdentifier("Dup");
        DataSources.create(primary(identifier));
        given().body(primary(identifier.toUpperCase())).post("/api/datasources")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("identifier"))
                .body("detail", containsString("already exists"));
    }

    /** The only test that registers these two names, so that they are taken literally as issue 23 gives them. */
    @ParameterizedTest
    @ValueSource(strings = { "orders_prod", "pg-hz-01" })
    void acceptsAnIdentifierWithUnderscoresOrHyphens(String identifier) {
        var response = given().body(primary(identifier)).post("/api/datasources");
        response.then().statusCode(201).body("identifier", equalTo(identifier));
        given().get(response.header("Location")).then().statusCode(200).body("identifier", equalTo(identifier));
    }

    @Test
    void rejectsAHyphenatedIdentifierThatDiffersOnlyInCaseNamingTheField() {
        String identifier = uniqueIdentifier("pg-hz-");
        DataSources.create(primary(identifier.toUpperCase()));
        given().body(primary(identifier)).post("/api/datasources")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("identifier"));
    }

    @Test
    void treatsAnUnderscoreAndAHyphenAsDifferentCharacters() {
        String identifier = uniqueIdentifier("pg-hz-");
        DataSources.create(primary(identifier));
        given().body(primary(identifier.replace('-', '_'))).post("/api/datasources").then().statusCode(201);
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        given().body("{}").post("/api/datasources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("identifier", "type", "attribute", "host", "port", "username",
                        "password", "databaseName"));
    }

    @Test
    void rejectsAnUnsupportedTypeNamingTheSupportedOnes() {
        DataSourceBody body = primary(uniqueIdentifier("type")).type("MYSQL");
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("POSTGRESQL"));
    }
}
