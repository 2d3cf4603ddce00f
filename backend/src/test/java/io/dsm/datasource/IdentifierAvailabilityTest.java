package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdentifierAvailabilityTest extends ApiTest {

    @Test
    void saysAnUnusedIdentifierIsAvailable() {
        given().queryParam("identifier", uniqueIdentifier("free")).get("/api/datasources/identifier-availability")
                .then().statusCode(200).body("available", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "used", "pg-hz_" })
    void saysAnIdentifierInUseIsTakenIgnoringCase(String prefix) {
        String identifier = uniqueIdentifier(prefix);
        DataSources.create(primary(identifier));
        given().queryParam("identifier", identifier.toUpperCase()).get("/api/datasources/identifier-availability")
                .then().statusCode(200).body("available", equalTo(false));
    }

    @Test
    void leavesOutTheDataSourceBeingEdited() {
        String identifier = uniqueIdentifier("edit");
        String id = DataSources.create(primary(identifier)).getString("id");
        given().queryParam("identifier", identifier).queryParam("excludeId", id)
                .get("/api/datasources/identifier-availability")
                .then().statusCode(200).body("available", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "no spaces allowed", "naïve", "pg.hz.01" })
    void rejectsAMalformedIdentifierWithTheRuleOfTheApi(String identifier) {
        given().queryParam("identifier", identifier).get("/api/datasources/identifier-availability")
                .then().statusCode(400).body("violations[0].field", equalTo("identifier"))
                .body("violations[0].message", equalTo("must be 1 to 32 ASCII letters, digits, underscores (_) or hyphens (-), without spaces"));
    }

    @Test
    void requiresTheIdentifier() {
        given().get("/api/datasources/identifier-availability")
                .then().statusCode(400).body("violations[0].field", equalTo("identifier"));
    }
}
