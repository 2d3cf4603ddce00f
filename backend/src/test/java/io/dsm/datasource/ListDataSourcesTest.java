package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.primaryStandby;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;

/** Every test marks its data sources with a token of its own and searches for it, since the store is shared. */
@QuarkusTest
class ListDataSourcesTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "identifier", "host", "databaseName", "username", "remarks" })
    void searchMatchesASubstringOfEachSearchableFieldIgnoringCase(String field) {
        String token = uniqueIdentifier("Tok").toLowerCase();
        DataSourceBody body = primary(uniqueIdentifier("s"));
        body.with(field, field.equals("host") ? token + ".example" : "x" + token.toUpperCase() + "y");
        String id = DataSources.create(body).getString("id");
        given().queryParam("q", token.substring(1, token.length() - 1)).get("/api/datasources")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(id));
    }

    @Test
    void searchTreatsPercentAndUnderscoreAsPlainCharacters() {
        String token = uniqueIdentifier("pct");
        DataSourceBody body = primary(uniqueIdentifier("p")).remarks(token + " 100% done_now");
        DataSources.create(body);
        DataSourceBody decoy = primary(uniqueIdentifier("p")).remarks(token + " 1000 doneXnow");
        DataSources.create(decoy);
        given().queryParam("q", token + " 100% done_").get("/api/datasources")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void filtersByAttributeAndRegion() {
        String token = uniqueIdentifier("flt");
        DataSourceBody primary = primary(uniqueIdentifier("f")).remarks(token);
        DataSources.create(primary);
        DataSourceBody pair = primaryStandby(uniqueIdentifier("f")).remarks(token);
        String pairId = DataSources.create(pair).getString("id");
        given().queryParam("q", token).queryParam("attribute", "PRIMARY_STANDBY").queryParam("type", "POSTGRESQL")
                .queryParam("region", "default").get("/api/datasources")
                .then().statusCode(200).body("items.id", contains(pairId));
        given().queryParam("q", token).queryParam("region", "elsewhere").get("/api/datasources")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void listsNewestFirstByDefaultAndSortsByIdentifierOnRequest() {
        String token = uniqueIdentifier("ord");
        List<String> ids = new ArrayList<>();
        for (String name : List.of("bravo", "Alpha", "charlie")) {
            DataSourceBody body = primary(name + token).remarks(token);
            ids.add(DataSources.create(body).getString("id"));
        }
        given().queryParam("q", token).get("/api/datasources")
                .then().body("items.id", contains(ids.get(2), ids.get(1), ids.get(0)));
        given().queryParam("q", token).queryParam("sort", "createdAt").get("/api/datasources")
                .then().body("items.id", contains(ids.get(0), ids.get(1), ids.get(2)));
        given().queryParam("q", token).queryParam("sort", "identifier").get("/api/datasources")
                .then().body("items.identifier", contains("Alpha" + token, "bravo" + token, "charlie" + token));
        given().queryParam("q", token).queryParam("sort", "-identifier").get("/api/datasources")
                .then().body("items.identifier", contains("charlie" + token, "bravo" + token, "Alpha" + token));
    }

    @Test
    void pagesThroughResultsWithTheTotalOnEveryPage() {
        String token = uniqueIdentifier("pg");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DataSourceBody body = primary(uniqueIdentifier("pg")).remarks(token);
            ids.add(0, DataSources.create(body).getString("id"));
        }
        given().queryParam("q", token).queryParam("size", 2).queryParam("page", 1).get("/api/datasources")
                .then().body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.id", contains(ids.get(0), ids.get(1)));
        given().queryParam("q", token).queryParam("size", 2).queryParam("page", 3).get("/api/datasources")
                .then().body("total", equalTo(5)).body("items.id", contains(ids.get(4)));
        given().queryParam("q", token).queryParam("size", 2).queryParam("page", 4).get("/api/datasources")
                .then().body("total", equalTo(5)).body("items", hasSize(0));
    }

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        given().get("/api/datasources").then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(20));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "page, 0", "page, x", "size, 0", "size, 101", "sort, name", "type, MYSQL", "attribute, MASTER" })
    void rejectsAnInvalidParameterInsteadOfGuessing(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/datasources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder(parameter));
    }
}
