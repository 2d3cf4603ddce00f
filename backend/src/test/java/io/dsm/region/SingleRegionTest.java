package io.dsm.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SingleRegionTest extends ApiTest {

    @Test
    void listsTheDefaultRegionWhenNoneIsConfigured() {
        given().get("/api/regions").then().statusCode(200).body("regions", contains("default"));
    }

    @Test
    void answersAClientThatAcceptsNoJsonWithTheDocumentedProblem() {
        given().accept("text/plain").get("/api/regions").then().statusCode(406)
                .contentType("application/problem+json").body("status", equalTo(406));
    }
}
