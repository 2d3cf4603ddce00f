package io.dsm.common;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.RestartablePostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(StoreOutageTest.OwnStore.class)
class StoreOutageTest extends ApiTest {

    /** A store of its own, so that stopping it leaves the other tests alone. */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(RestartablePostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void answers503WhileTheStoreIsDownAndRecoversByItselfWhenItReturns() {
        String id = DataSources.create(primary(uniqueIdentifier("outage"))).getString("id");

        RestartablePostgresResource.stopServer();
        try {
            given().get("/api/datasources/" + id)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("detail", containsString("unreachable"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at io.")));
            given().body(primary(uniqueIdentifier("outage"))).post("/api/datasources")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            RestartablePostgresResource.startServer();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/api/datasources/" + id).then().statusCode(200));
        given().body(primary(uniqueIdentifier("after"))).post("/api/datasources").then().statusCode(201);
    }
}
