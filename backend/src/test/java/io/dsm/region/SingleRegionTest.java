package io.dsm.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SingleRegionTest extends ApiTest {

    @Test
    void listsTheDefaultRegionWhenNoneIsConfigured() {
        given().get("/api/regions").then().statusCode(200).body("regions", contains("default"));
    }
}
