package io.dsm.common;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.quarkus.test.junit.QuarkusTest;

/** Whatever goes wrong, the client gets problem+json that says what, never a 500 or a class name. */
@QuarkusTest
class ProblemFormatTest extends ApiTest {

    @Test
    void answersMalformedJsonWithWhereItBroke() {
        given().body("{\"identifier\": ").post("/api/datasources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request"))
                .body("detail", containsString("not valid JSON"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void namesTheFieldThatHasTheWrongType() {
        DataSourceBody body = primary(uniqueIdentifier("t")).with("standby", "not an object").attribute("PRIMARY_STANDBY");
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations.field", contains("standby"))
                .body("violations[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void namesTheAllowedValuesOfAnEnum() {
        DataSourceBody body = primary(uniqueIdentifier("t")).attribute("SLAVE");
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("attribute"))
                .body("violations[0].message", equalTo("must be one of: PRIMARY, PRIMARY_STANDBY, STANDBY, CHILD_NODE"));
    }

    @Test
    void rejectsAFieldTheResourceDoesNotHave() {
        DataSourceBody body = primary(uniqueIdentifier("t")).with("jdbcUrl", "jdbc:postgresql://evil/?socketFactory=x");
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("jdbcUrl"))
                .body("violations[0].message", equalTo("is not a field of this resource"));
    }

    @Test
    void neverEchoesAPasswordOfTheWrongType() {
        DataSourceBody body = primary(uniqueIdentifier("t")).with("password", Map.of("nested", "pw-NestedSecret-55aa"));
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("password"))
                .body(not(containsString("pw-NestedSecret-55aa")));
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        given().body("[1, 2]").post("/api/datasources")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requiresABody() {
        given().post("/api/datasources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void answers415ForAWrongContentType() {
        given().contentType("text/plain").body("identifier=x").post("/api/datasources")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void answers404ForAnUnknownAddress() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void answers405ForAMethodTheAddressDoesNotAccept() {
        given().patch("/api/datasources").then().statusCode(405).contentType("application/problem+json");
    }
}
