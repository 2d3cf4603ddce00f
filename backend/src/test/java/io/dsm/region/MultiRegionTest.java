package io.dsm.region;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MultiRegionTest.TwoRegions.class)
class MultiRegionTest extends ApiTest {

    public static class TwoRegions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsm.regions", "cn-hangzhou,cn-shanghai");
        }
    }

    @Test
    void listsTheConfiguredRegionsInOrder() {
        given().get("/api/regions").then().statusCode(200).body("regions", contains("cn-hangzhou", "cn-shanghai"));
    }

    @Test
    void requiresARegionWhenSeveralAreConfigured() {
        given().body(primary(uniqueIdentifier("mr"))).post("/api/datasources")
                .then().statusCode(400)
                .body("violations.field", contains("region"))
                .body("violations[0].message", containsString("cn-hangzhou, cn-shanghai"));
    }

    @Test
    void rejectsARegionThatIsNotConfigured() {
        DataSourceBody body = primary(uniqueIdentifier("mr")).region("us-east-1");
        given().body(body).post("/api/datasources").then().statusCode(400).body("violations.field", contains("region"));
    }

    @Test
    void storesAConfiguredRegion() {
        DataSourceBody body = primary(uniqueIdentifier("mr")).region("cn-shanghai");
        given().body(body).post("/api/datasources").then().statusCode(201).body("region", equalTo("cn-shanghai"));
    }
}
