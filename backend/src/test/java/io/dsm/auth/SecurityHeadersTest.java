package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersTest extends ApiTest {

    @Test
    void servesTheConsoleWithAPolicyThatAllowsNoInlineScriptAndNoFraming() {
        Response console = given().accept("text/html").get("/");
        String policy = console.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        String scripts = policy.substring(policy.indexOf("script-src"));
        assertThat(scripts.substring(0, scripts.indexOf(';'))).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void forbidsSniffingReferrersAndFramingEverywhere() {
        for (String path : new String[] {"/", "/api/datasources", "/q/health/ready"}) {
            Response response = given().get(path);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void leavesHealthOpenWithoutSigningIn() {
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }
}
