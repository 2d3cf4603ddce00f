package io.dsm.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/** Every list reads its query parameters with one parser, so the same bad value gets the same answer. */
@QuarkusTest
class ListParametersTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/datasources", "/api/audit" })
    void answersABadPageAndSizeTheSameWayOnEveryList(String list) {
        given().queryParam("page", "0").queryParam("size", "many").get(list).then().statusCode(400)
                .body("violations.field", contains("page", "size"))
                .body("violations.message[0]", org.hamcrest.Matchers.equalTo("must be a whole number of at least 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/datasources?type=MYSQL", "/api/audit?action=DANCED" })
    void namesTheAllowedValuesOfAnUnknownFilterOnEveryList(String request) {
        given().get(request).then().statusCode(400)
                .body("violations.message[0]", org.hamcrest.Matchers.startsWith("must be one of: "));
    }
}
