package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Testing a saved data source: as stored, or with the edit dialog's fields and the stored password. */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class StoredConnectionTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    private static String saved() {
        DataSourceBody body = migrator(target.port()).identifier(DataSources.uniqueIdentifier("saved"));
        return DataSources.create(body).getString("id");
    }

    private static JsonPath testStored(String id, Object body) {
        var request = given();
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/datasources/" + id + "/test-connection").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void testsASavedDataSourceWithItsStoredPassword() {
        assertThat(testStored(saved(), null).getBoolean("success")).isTrue();
    }

    @Test
    void testsEditedFieldsWithTheStoredPasswordWhenNoneIsTyped() {
        String id = saved();
        DataSourceBody edited = migrator(target.port()).without("password").schemaName("nosuchschema");
        JsonPath result = testStored(id, edited);
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED");
        assertThat(check(result, "PRIMARY", "SCHEMA")).containsEntry("status", "FAILED");
    }

    @Test
    void testsEditedFieldsWithANewlyTypedPassword() {
        String id = saved();
        DataSourceBody edited = migrator(target.port()).password("pw-Typed-Wrong-77");
        assertThat(check(testStored(id, edited), "PRIMARY", "AUTHENTICATION")).containsEntry("status", "FAILED");
    }

    @Test
    void changesNothingStoredWhenTestingEdits() {
        String id = saved();
        DataSourceBody edited = migrator(target.port()).databaseName("elsewhere");
        testStored(id, edited);
        assertThat(DataSources.read(id).getString("databaseName")).isEqualTo(TargetServer.DATABASE);
        assertThat(DataSources.read(id).getInt("version")).isZero();
    }

    @Test
    void answers404ForAnUnknownDataSource() {
        given().post("/api/datasources/00000000-0000-0000-0000-000000000000/test-connection")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rejectsInvalidEditsLikeUpdateDoes() {
        DataSourceBody edited = migrator(target.port()).port(70000);
        given().body(edited).post("/api/datasources/" + saved() + "/test-connection")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
