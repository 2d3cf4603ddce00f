package io.dsm.connection;

import static io.dsm.connection.TestBodies.migrator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ConcurrencyLimitTest.OneAtATime.class)
class ConcurrencyLimitTest extends ApiTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsm.test.concurrency", "1", "dsm.test.timeout", "3s");
        }
    }

    @Test
    void answers429WithRetryAfterWhileTheLimitIsReached() throws Exception {
        try (Sockets.Tarpit tarpit = new Sockets.Tarpit(InetAddress.getLoopbackAddress())) {
            var spec = given().spec(io.restassured.RestAssured.requestSpecification);
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() ->
                    spec.body(migrator(tarpit.port())).post("/api/datasources/test-connection").statusCode());
            Awaitility.await().until(() -> tarpit.accepted() > 0);

            given().body(migrator(tarpit.port())).post("/api/datasources/test-connection")
                    .then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("1"));
            assertThat(slow.get()).isEqualTo(200);
        }
        given().body(migrator(Sockets.closedPort())).post("/api/datasources/test-connection").then().statusCode(200);
    }
}
