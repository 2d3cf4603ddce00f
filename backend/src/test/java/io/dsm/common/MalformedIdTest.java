package io.dsm.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** An id that is not a UUID gets one answer, wherever it is sent: 400, a validation problem naming where. */
@QuarkusTest
class MalformedIdTest extends ApiTest {

    @Test
    void answersAMalformedIdInThePathAsBadInputNamingIt() {
        given().get("/api/datasources/abc").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dsm:problem:validation"))
                .body("violations.field", contains("id"))
                .body("violations.message", contains("must be a UUID"));
    }

    @Test
    void answersAMalformedIdInAQueryParameterTheSameWay() {
        given().queryParam("identifier", "free1").queryParam("excludeId", "abc").get("/api/datasources/identifier-availability")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:dsm:problem:validation"))
                .body("violations.field", contains("excludeId"))
                .body("violations.message", contains("must be a UUID"));
        given().queryParam("dataSourceId", "abc").get("/api/audit")
                .then().statusCode(400).body("type", equalTo("urn:dsm:problem:validation"))
                .body("violations.field", contains("dataSourceId"))
                .body("violations.message", contains("must be a UUID"));
    }

    @Test
    void answersAMalformedIdOfATestedDataSourceTheSameWay() {
        given().post("/api/datasources/abc/test-connection").then().statusCode(400)
                .body("type", equalTo("urn:dsm:problem:validation")).body("violations.field", contains("id"));
    }
}
