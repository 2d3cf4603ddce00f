package io.dsm.common;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.CommitCuttingProxy.Cut;
import io.dsm.testing.CommitFaultStoreResource;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(CommitOutcomeUnknownTest.CuttableStore.class)
class CommitOutcomeUnknownTest extends ApiTest {

    /** A store of its own behind a proxy that can break a commit. */
    public static class CuttableStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CommitFaultStoreResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void answers503OutcomeUnknownWhenTheStoreDiesBeforeTheCommitArrivesAndARetryCreates() {
        String identifier = uniqueIdentifier("cut");
        CommitFaultStoreResource.proxy().armOnce("insert into data_source", Cut.BEFORE_COMMIT);

        assertOutcomeUnknown(identifier);

        given().body(primary(identifier)).post("/api/datasources").then().statusCode(201);
    }

    @Test
    void answers503OutcomeUnknownWhenTheStoreDiesAfterCommittingAndARetryFindsTheFirstOne() {
        String identifier = uniqueIdentifier("cut");
        CommitFaultStoreResource.proxy().armOnce("insert into data_source", Cut.AFTER_COMMIT);

        assertOutcomeUnknown(identifier);

        given().body(primary(identifier)).post("/api/datasources").then().statusCode(409)
                .contentType("application/problem+json");
        given().queryParam("q", identifier).get("/api/datasources").then().statusCode(200)
                .body("items[0].identifier", equalTo(identifier));
    }

    @Test
    void answers503OutcomeUnknownNamingTheRequestWhenAnUpdateLosesItsCommit() {
        var created = DataSources.create(primary(uniqueIdentifier("cut")));
        String id = created.getString("id");
        CommitFaultStoreResource.proxy().armOnce("update data_source", Cut.BEFORE_COMMIT);

        given().body(primary(created.getString("identifier")).remarks("moved").version(created.getInt("version")))
                .put("/api/datasources/" + id)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:dsm:problem:outcome-unknown"))
                .body("detail", containsString("PUT /api/datasources/" + id))
                .body("detail", containsString("GET /api/datasources/" + id));
        assertThat(CommitFaultStoreResource.proxy().fired()).isTrue();
        given().get("/api/datasources/" + id).then().statusCode(200).body("remarks", not(equalTo("moved")));
    }

    private static void assertOutcomeUnknown(String identifier) {
        given().body(primary(identifier)).post("/api/datasources")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:dsm:problem:outcome-unknown"))
                .body("detail", containsString("outcome is unknown"))
                .body("detail", containsString(identifier))
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
        assertThat(CommitFaultStoreResource.proxy().fired()).isTrue();
    }
}
