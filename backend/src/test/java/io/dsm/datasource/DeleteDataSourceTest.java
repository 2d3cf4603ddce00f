package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeleteDataSourceTest extends ApiTest {

    @Test
    void deletesADataSourceSoThatItIsGone() {
        String id = DataSources.create(primary(uniqueIdentifier("del"))).getString("id");
        given().delete("/api/datasources/" + id).then().statusCode(204);
        given().get("/api/datasources/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void freesTheIdentifierOfADeletedDataSource() {
        String identifier = uniqueIdentifier("reuse");
        String id = DataSources.create(primary(identifier)).getString("id");
        given().delete("/api/datasources/" + id).then().statusCode(204);
        DataSources.create(primary(identifier));
    }

    @Test
    void answers404ForAnUnknownId() {
        given().delete("/api/datasources/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void answersAnIdThatIsNotAUuidAsBadInputNamingIt() {
        given().delete("/api/datasources/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id")).body("violations[0].message", equalTo("must be a UUID"));
    }

    @Test
    void answers404ForAnUnknownIdWhenAskedToDropItsHeartbeatTable() {
        given().delete("/api/datasources/00000000-0000-0000-0000-000000000000?dropHeartbeatTable=true")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
