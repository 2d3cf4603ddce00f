package io.dsm.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Who changed which data source, what they changed, and never a secret. */
@QuarkusTest
class AuditTest extends ApiTest {

    private static JsonPath eventsOf(String dataSourceId) {
        return given().queryParam("dataSourceId", dataSourceId).get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private static String created() {
        return DataSources.create(DataSources.primary(DataSources.uniqueIdentifier("au"))).getString("id");
    }

    @Test
    void recordsACreateWithItsActorAddressAndFields() {
        String id = created();
        Map<String, Object> event = eventsOf(id).getMap("items[0]");
        assertThat(event).containsEntry("action", "DATA_SOURCE_CREATED").containsEntry("outcome", "SUCCESS")
                .containsEntry("actor", ADMIN).containsEntry("clientAddress", "127.0.0.1");
        assertThat(eventsOf(id).getList("items[0].changes.field")).contains("identifier", "host", "port", "password");
    }

    @Test
    void recordsWhatAnUpdateChangedFromAndTo() {
        String id = created();
        DataSourceBody body = DataSources.primary(DataSources.read(id).getString("identifier"))
                .databaseName("invoices")
                .version(DataSources.read(id).getLong("version"))
                .without("password");
        given().body(body).put("/api/datasources/" + id).then().statusCode(200);
        JsonPath events = eventsOf(id);
        assertThat(events.getString("items[0].action")).isEqualTo("DATA_SOURCE_UPDATED");
        assertThat(events.getList("items[0].changes", Map.class))
                .containsExactly(Map.of("field", "databaseName", "oldValue", "orders", "newValue", "invoices"));
    }

    @Test
    void recordsAPasswordChangeAsChangedWithoutItsValue() {
        String id = created();
        DataSourceBody body = DataSources.primary(DataSources.read(id).getString("identifier"))
                .version(DataSources.read(id).getLong("version"))
                .password("pw-Rotated-Value-77");
        given().body(body).put("/api/datasources/" + id).then().statusCode(200);
        String recorded = given().get("/api/audit?size=200").then().extract().asString();
        assertThat(eventsOf(id).getList("items[0].changes", Map.class))
                .containsExactly(Map.of("field", "password", "oldValue", "[secret]", "newValue", "[secret]"));
        assertThat(recorded).doesNotContain("pw-Rotated-Value-77").doesNotContain(DataSources.PASSWORD);
    }

    @Test
    void recordsADelete() {
        String id = created();
        given().delete("/api/datasources/" + id).then().statusCode(204);
        assertThat(eventsOf(id).getList("items.action")).containsExactly("DATA_SOURCE_DELETED", "DATA_SOURCE_CREATED");
    }

    @Test
    void recordsATestThatFailedWithWhatFailed() {
        String id = created();
        given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200);
        Map<String, Object> event = eventsOf(id).getMap("items[0]");
        assertThat(event).containsEntry("action", "CONNECTION_TESTED").containsEntry("outcome", "FAILURE");
        assertThat((String) event.get("detail")).contains("failed PRIMARY NETWORK")
                .endsWith("Full migration: blocked, the NETWORK check failed; Incremental sync: blocked, the NETWORK check failed");
    }

    @Test
    void recordsAFailedSignInWithTheNameTried() {
        TestUsers.anonymous().body(Map.of("username", "mallory", "password", "guess-guess-1")).post("/api/session")
                .then().statusCode(401);
        JsonPath events = given().queryParam("actor", "MALLORY").queryParam("action", "SIGN_IN").get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(events.getString("items[0].outcome")).isEqualTo("FAILURE");
        assertThat(events.getString("items[0].detail")).doesNotContain("guess-guess-1");
    }

    @Test
    void namesAnInvalidFilter() {
        given().queryParam("action", "EXPLODED").queryParam("from", "yesterday").get("/api/audit").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("action", "from"));
    }

    @Test
    void listsNewestFirstInPages() {
        created();
        created();
        JsonPath page = given().queryParam("size", 2).get("/api/audit").then().statusCode(200).extract().jsonPath();
        List<String> times = page.getList("items.occurredAt");
        assertThat(times).hasSize(2);
        assertThat(times.get(0)).isGreaterThanOrEqualTo(times.get(1));
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);
    }
}
