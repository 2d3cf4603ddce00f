package io.dsm.auth;

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

    @Test
    void answers429WithRetryAfterOnceFiveSignInsFailedEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            TestUsers.anonymous().body(Map.of("username", ADMIN, "password", "wrong-guess-" + i)).post("/api/session")
                    .then().statusCode(401);
        }
        Response throttled = TestUsers.anonymous().body(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).post("/api/session");
        throttled.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        TestUsers.anonymous().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).get("/api/datasources").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
