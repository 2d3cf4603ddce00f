package io.dsm.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The console's own pages load from a bookmark or a reload, not only by navigating inside it. */
@QuarkusTest
class ConsolePagesTest extends ApiTest {

    private static Response page(String path) {
        return given().auth().none().accept("text/html,application/xhtml+xml").get(path);
    }

    @Test
    void servesTheConsoleForItsPagesWithItsSecurityPolicy() {
        Response home = page("/");
        assumeTrue(home.statusCode() == 200, "the console is built into the app (the frontend module ran first)");
        for (String path : new String[] {"/sign-in", "/audit", "/users", "/users/whatever"}) {
            Response page = page(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.asString()).as(path).isEqualTo(home.asString());
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
        }
    }

    @Test
    void leavesApiAndFilesAlone() {
        page("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        page("/assets/no-such-file.js").then().statusCode(404);
        given().auth().none().accept("application/json").get("/sign-in").then().statusCode(404);
    }
}
