package io.dsm.connection.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The start-up warm-up: real tests of dsm's own store, before ready, leaving no trace a user would see. */
@QuarkusTest
@TestProfile(ConnectionTestWarmUpTest.FewWarmUpTests.class)
class ConnectionTestWarmUpTest extends ApiTest {

    public static class FewWarmUpTests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsm.test.warm-up", "5");
        }
    }

    @Inject
    @Readiness
    ConnectionTestWarmUp warmUp;

    @Test
    void reportsReadyOnceItsTestsOfTheStoreHavePassed() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("connection-test-warm-up")));
        assertThat(warmUp.passed()).isEqualTo(5);
    }

    @Test
    void auditsNothing() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> warmUp.passed() == 5);
        assertThat(given().queryParam("action", "CONNECTION_TESTED").get("/api/audit").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
    }
}
