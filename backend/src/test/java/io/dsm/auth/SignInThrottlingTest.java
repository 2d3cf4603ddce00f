package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(SignInThrottlingProfile.class)
class SignInThrottlingTest extends ApiTest {

    private static final String OTHER = "throttled-other";
    private static final String OTHER_PASSWORD = "pw-Other-User-12ab9f";

    @Test
    void answers429AfterFiveFailuresButKeepsServingPasswordsAlreadyVerified() {
        given().body(Map.of("username", OTHER, "role", "VIEWER", "password", OTHER_PASSWORD)).post("/api/users")
                .then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            TestUsers.anonymous().body(Map.of("username", ADMIN, "password", "wrong-guess-" + i)).post("/api/session")
                    .then().statusCode(401);
        }

        Response throttled = TestUsers.anonymous().body(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).post("/api/session");
        throttled.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);

        TestUsers.anonymous().auth().preemptive().basic(OTHER, OTHER_PASSWORD).get("/api/regions").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        TestUsers.anonymous().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/regions")
                .then().statusCode(200); // its password was verified before the guessing started
    }
}
