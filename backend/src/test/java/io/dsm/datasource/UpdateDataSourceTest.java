package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StoredRows;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UpdateDataSourceTest extends ApiTest {

    @Test
    void raisesTheVersionAndKeepsTheStoredPasswordWhenNoneIsSent() {
        DataSourceBody body = primary(uniqueIdentifier("upd"));
        String id = DataSources.create(body).getString("id");
        String sealedBefore = StoredRows.column(id, "password_sealed");
        body.without("password");
        body.remarks("moved to rack 4");
        body.version(0);
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("remarks", equalTo("moved to rack 4"))
                .body("passwordSet", equalTo(true));
        assertThat(StoredRows.column(id, "password_sealed")).isEqualTo(sealedBefore);
    }

    @Test
    void keepsTheStoredPasswordWhenNullIsSent() {
        DataSourceBody body = primary(uniqueIdentifier("upd"));
        String id = DataSources.create(body).getString("id");
        String sealedBefore = StoredRows.column(id, "password_sealed");
        body.password(null);
        body.version(0);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200);
        assertThat(StoredRows.column(id, "password_sealed")).isEqualTo(sealedBefore);
    }

    @Test
    void replacesThePasswordWhenOneIsSent() {
        DataSourceBody body = primary(uniqueIdentifier("upd"));
        String id = DataSources.create(body).getString("id");
        body.password("pw-Rotated-0c81f2");
        body.version(0);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200);
        assertThat(StoredRows.openPassword(id, "password_sealed")).isEqualTo("pw-Rotated-0c81f2");
    }

    @Test
    void raisesTheVersionEvenWhenNothingElseChanged() {
        DataSourceBody body = primary(uniqueIdentifier("upd"));
        String id = DataSources.create(body).getString("id");
        body.version(0);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200).body("version", equalTo(1));
        body.version(1);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void rejectsAStaleVersionAndChangesNothing() {
        DataSourceBody body = primary(uniqueIdentifier("stale"));
        String id = DataSources.create(body).getString("id");
        body.version(0);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200);

        body.remarks("written from an old copy");
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("violations.field", contains("version"));
        given().get("/api/datasources/" + id).then().body("remarks", nullValue()).body("version", equalTo(1));
    }

    @Test
    void requiresTheVersionOnUpdate() {
        DataSourceBody body = primary(uniqueIdentifier("nover"));
        String id = DataSources.create(body).getString("id");
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(400)
                .body("violations.field", contains("version"));
    }

    @Test
    void ignoresReadOnlyFieldsSentBackFromARead() {
        String id = DataSources.create(primary(uniqueIdentifier("roundtrip"))).getString("id");
        Map<String, Object> read = DataSources.read(id).getMap("$");
        read.put("remarks", "edited after a GET");
        Object createdAt = read.get("createdAt");
        read.put("createdAt", "1999-01-01T00:00:00Z");
        read.put("id", "00000000-0000-0000-0000-000000000001");
        read.put("passwordSet", false);
        given().body(read).put("/api/datasources/" + id)
                .then().statusCode(200)
                .body("remarks", equalTo("edited after a GET"))
                .body("id", equalTo(id))
                .body("passwordSet", equalTo(true))
                .body("createdAt", equalTo(createdAt));
    }

    @Test
    void rejectsRenamingToAnIdentifierInUseIgnoringCase() {
        String taken = uniqueIdentifier("taken");
        DataSources.create(primary(taken));
        DataSourceBody body = primary(uniqueIdentifier("mine"));
        String id = DataSources.create(body).getString("id");
        body.identifier(taken.toUpperCase());
        body.version(0);
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(409)
                .body("violations.field", contains("identifier"));
    }

    @Test
    void allowsChangingTheCaseOfItsOwnIdentifier() {
        String identifier = uniqueIdentifier("case");
        DataSourceBody body = primary(identifier);
        String id = DataSources.create(body).getString("id");
        body.identifier(identifier.toUpperCase());
        body.version(0);
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(200).body("identifier", equalTo(identifier.toUpperCase()));
    }

    @Test
    void givesANewStandbyThePrimarysPasswordTypedWithItAndDropsItWhenTheAttributeChangesBack() {
        DataSourceBody body = primary(uniqueIdentifier("switch"));
        String id = DataSources.create(body).getString("id");
        // A new standby is a new endpoint: the saved password does not follow it unasked (PasswordScopeUpdateTest).
        body.attribute("PRIMARY_STANDBY");
        body.standby(StandbyBody.at("10.0.12.9", 5432));
        body.version(0);
        given().body(body).put("/api/datasources/" + id)
                .then().statusCode(200).body("standby.passwordSet", equalTo(true));
        assertThat(StoredRows.openPassword(id, "standby_password_sealed")).isEqualTo(DataSources.PASSWORD);

        body.attribute("PRIMARY");
        body.without("standby");
        body.without("password");
        body.version(1);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200).body("standby", nullValue());
        assertThat(StoredRows.column(id, "standby_password_sealed")).isNull();
    }

    @Test
    void answers404ForAnUnknownId() {
        DataSourceBody body = primary(uniqueIdentifier("ghost")).version(0);
        given().body(body).put("/api/datasources/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
