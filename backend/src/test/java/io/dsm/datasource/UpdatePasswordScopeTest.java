package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.primaryStandby;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StoredRows;
import io.quarkus.test.junit.QuarkusTest;

/** A PUT that moves an endpoint (host, port, username, TLS) needs that endpoint's password again; others keep it. */
@QuarkusTest
class UpdatePasswordScopeTest extends ApiTest {

    private static String created(DataSourceBody body) {
        return DataSources.create(body).getString("id");
    }

    /** A pair whose standby at 10.0.12.8:5433 has a password of its own. */
    private static DataSourceBody pairWithAStandbyPassword(String label) {
        return primaryStandby(uniqueIdentifier(label)).standby(StandbyBody.at("10.0.12.8", 5433).password(DataSources.STANDBY_PASSWORD));
    }

    @Test
    void refusesANewHostWithoutThePasswordAndLeavesTheStoredRowAsItWas() {
        DataSourceBody body = primary(uniqueIdentifier("moved"));
        String id = created(body);
        String sealed = StoredRows.column(id, "password_sealed");

        given().body(body.without("password").host("203.0.113.9").version(0)).put("/api/datasources/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("password"))
                .body("violations[0].message", containsString("the host changed: type the password again"));

        assertThat(StoredRows.column(id, "host")).isEqualTo("10.0.12.7");
        assertThat(StoredRows.column(id, "password_sealed")).isEqualTo(sealed);
        assertThat(DataSources.read(id).getLong("version")).isZero();
    }

    @Test
    void takesANewHostWithThePasswordTypedAgain() {
        DataSourceBody body = primary(uniqueIdentifier("moved"));
        String id = created(body);

        given().body(body.host("203.0.113.9").password("pw-Moved-Along-31").version(0)).put("/api/datasources/" + id)
                .then().statusCode(200).body("host", equalTo("203.0.113.9"));

        assertThat(StoredRows.openPassword(id, "password_sealed")).isEqualTo("pw-Moved-Along-31");
    }

    @Test
    void keepsBothPasswordsWhenOnlyTheRemarksChange() {
        DataSourceBody body = pairWithAStandbyPassword("remark");
        String id = created(body);

        given().body(body.without("password").standby(StandbyBody.at("10.0.12.8", 5433)).remarks("rack 7").version(0))
                .put("/api/datasources/" + id).then().statusCode(200).body("remarks", equalTo("rack 7"));

        assertThat(StoredRows.openPassword(id, "password_sealed")).isEqualTo(DataSources.PASSWORD);
        assertThat(StoredRows.openPassword(id, "standby_password_sealed")).isEqualTo(DataSources.STANDBY_PASSWORD);
    }

    @Test
    void comparesTheHostIgnoringCase() {
        DataSourceBody body = primary(uniqueIdentifier("case")).host("Orders.Example.COM");
        String id = created(body);

        given().body(body.without("password").host("orders.example.com").version(0)).put("/api/datasources/" + id)
                .then().statusCode(200);
    }

    @Test
    void refusesAMovedStandbyWithoutAPasswordForIt() {
        DataSourceBody body = pairWithAStandbyPassword("standby");
        String id = created(body);

        given().body(body.without("password").standby(StandbyBody.at("203.0.113.8", 5433)).version(0))
                .put("/api/datasources/" + id).then().statusCode(400)
                .body("violations.field", contains("standby.password"))
                .body("violations[0].message", containsString("the standby's host changed"));

        assertThat(StoredRows.column(id, "standby_host")).isEqualTo("10.0.12.8");
    }

    @Test
    void givesAMovedStandbyThePrimarysPasswordTypedWithTheUpdateNotItsOldOne() {
        DataSourceBody body = pairWithAStandbyPassword("shared");
        String id = created(body);

        given().body(body.password("pw-Shared-Now-58").standby(StandbyBody.at("203.0.113.8", 5433)).version(0))
                .put("/api/datasources/" + id).then().statusCode(200);

        assertThat(StoredRows.openPassword(id, "standby_password_sealed")).isEqualTo("pw-Shared-Now-58");
    }

    @Test
    void refusesANewStandbyWithoutAPassword() {
        DataSourceBody body = primary(uniqueIdentifier("newpair"));
        String id = created(body);

        given().body(body.without("password").attribute("PRIMARY_STANDBY").standby(StandbyBody.at("203.0.113.8", 5432))
                .version(0)).put("/api/datasources/" + id).then().statusCode(400)
                .body("violations.field", contains("standby.password"))
                .body("violations[0].message", containsString("the standby is new"));
    }

    @Test
    void asksForBothPasswordsWhenTheSharedTlsSettingsChange() {
        DataSourceBody body = pairWithAStandbyPassword("tls");
        String id = created(body);

        given().body(body.without("password").standby(StandbyBody.at("10.0.12.8", 5433)).tls("disable", null).version(0))
                .put("/api/datasources/" + id).then().statusCode(400)
                .body("violations.field", contains("password", "standby.password"))
                .body("violations[0].message", containsString("the TLS mode changed"));
    }

    @Test
    void auditsARefusedUpdateAsAFailureNamingWhoAndTheField() {
        DataSourceBody body = primary(uniqueIdentifier("audit"));
        String id = created(body);

        given().body(body.without("password").port(6543).version(0)).put("/api/datasources/" + id).then().statusCode(400);

        Map<String, Object> event = given().queryParam("dataSourceId", id).get("/api/audit").then().statusCode(200).extract()
                .jsonPath().getMap("items[0]");
        assertThat(event).containsEntry("action", "DATA_SOURCE_UPDATED").containsEntry("outcome", "FAILURE")
                .containsEntry("actor", ADMIN);
        assertThat((String) event.get("detail")).contains("password the port changed").doesNotContain(DataSources.PASSWORD);
    }
}
