package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * A page of another site can make a browser send a form or a no-cors fetch to dsm with the Basic
 * credentials or the cookie it holds; such a change is refused before it does anything, while the
 * console (dsm's own origin) and API clients (no Origin) keep working.
 */
@QuarkusTest
class CrossSiteRequestsTest extends ApiTest {

    private static final String EVIL = "https://evil.example";

    /** Signed in as the admin, without the JSON Content-Type of the other requests (a POST gets RestAssured's form type). */
    private static RequestSpecification bare() {
        RequestSpecification defaults = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        try {
            return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).accept("application/json");
        } finally {
            RestAssured.requestSpecification = defaults;
        }
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    private static long rotationsRecorded() {
        return given().queryParam("action", "SECRET_KEY_ROTATED").get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static String createdSource() {
        return DataSources.create(DataSources.primary(DataSources.uniqueIdentifier("xs"))).getString("id");
    }

    @Test
    void refusesABodilessPostSentAsPlainTextAndRotatesNothing() {
        long before = rotationsRecorded();
        bare().contentType("text/plain").post("/api/admin/secret-key/rotation").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/json"));
        assertThat(rotationsRecorded()).isEqualTo(before);
    }

    @Test
    void refusesABodilessDeleteSentAsAFormAndKeepsTheSource() {
        String id = createdSource();
        bare().contentType("application/x-www-form-urlencoded").delete("/api/datasources/" + id).then()
                .statusCode(415).contentType("application/problem+json");
        given().get("/api/datasources/" + id).then().statusCode(200);
    }

    @Test
    void refusesAFormBodyEvenFromDsmsOwnOrigin() {
        given().header("Origin", ownOrigin()).contentType("application/x-www-form-urlencoded").body("identifier=x")
                .post("/api/datasources").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusesAChangeFromAnotherOriginAndCreatesNothing() {
        String identifier = DataSources.uniqueIdentifier("xs");
        given().header("Origin", EVIL).body(DataSources.primary(identifier)).post("/api/datasources").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:dsm:problem:forbidden"));
        given().queryParam("q", identifier).get("/api/datasources").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesAChangeABrowserMarksAsCrossSiteEvenWithoutOrigin() {
        String id = createdSource();
        bare().header("Sec-Fetch-Site", "cross-site").delete("/api/datasources/" + id).then().statusCode(403);
        given().get("/api/datasources/" + id).then().statusCode(200);
    }

    @Test
    void refusesAChangeFromASiblingSite() {
        long before = rotationsRecorded();
        bare().header("Origin", "https://other.localhost").header("Sec-Fetch-Site", "same-site")
                .post("/api/admin/secret-key/rotation").then().statusCode(403);
        assertThat(rotationsRecorded()).isEqualTo(before);
    }

    @Test
    void refusesAnOpaqueOrigin() {
        given().header("Origin", "null").body(DataSources.primary(DataSources.uniqueIdentifier("xs"))).post("/api/datasources")
                .then().statusCode(403);
    }

    @Test
    void acceptsAChangeFromDsmsOwnOrigin() {
        given().header("Origin", ownOrigin()).body(DataSources.primary(DataSources.uniqueIdentifier("xs")))
                .post("/api/datasources").then().statusCode(201);
    }

    @Test
    void acceptsAChangeTheBrowserMarksAsSameOrigin() {
        String id = createdSource();
        bare().header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .delete("/api/datasources/" + id).then().statusCode(204);
    }

    /** As curl -X POST and the generated Java client send it (RestAssured would add a form Content-Type). */
    @Test
    void acceptsAnApiClientsBodilessPostWithoutOriginOrContentType() throws Exception {
        long before = rotationsRecorded();
        String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest rotation = HttpRequest.newBuilder(URI.create(ownOrigin() + "/api/admin/secret-key/rotation"))
                .header("Authorization", "Basic " + credentials).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(rotation, HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(rotationsRecorded()).isEqualTo(before + 1);
    }

    @Test
    void acceptsABodilessPostDeclaredAsJson() {
        bare().contentType("application/json; charset=utf-8").post("/api/admin/secret-key/rotation").then()
                .statusCode(200);
    }

    @Test
    void leavesReadsFromAnotherOriginToTheSameOriginPolicy() {
        given().header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").get("/api/regions").then().statusCode(200);
    }
}
