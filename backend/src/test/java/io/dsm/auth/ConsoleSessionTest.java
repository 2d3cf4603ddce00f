package io.dsm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The console's sign-in: a session cookie the page's scripts cannot read, and an anti-forgery token for writes. */
@QuarkusTest
class ConsoleSessionTest extends ApiTest {

    private static final String CONSOLE = "dsm-console";

    private static Response signIn(String username, String password) {
        return TestUsers.anonymous().header("X-Requested-With", CONSOLE)
                .body(Map.of("username", username, "password", password)).post("/api/session");
    }

    private static RequestSpecification withCookie(Response signedIn) {
        return TestUsers.anonymous().header("X-Requested-With", CONSOLE).cookie("dsm_session", signedIn.cookie("dsm_session"));
    }

    @Test
    void setsAnHttpOnlyStrictSameSiteCookieAndAnswersTheUserAndToken() {
        Response signedIn = signIn(ADMIN, ADMIN_PASSWORD);
        signedIn.then().statusCode(200).body("username", equalTo(ADMIN)).body("role", equalTo("ADMIN"));
        assertThat(signedIn.jsonPath().getString("csrfToken")).hasSizeGreaterThan(30);
        assertThat(signedIn.header("Set-Cookie")).startsWith("dsm_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure");
    }

    @Test
    void refusesAWrongPasswordWithAProblemAndNoCookie() {
        Response refused = signIn(ADMIN, "not-the-password-1");
        refused.then().statusCode(401).contentType("application/problem+json").body("detail", equalTo("Wrong username or password."));
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.header("WWW-Authenticate")).as("no browser password dialog for the console").isNull();
    }

    @Test
    void namesTheMissingFields() {
        TestUsers.anonymous().body(Map.of()).post("/api/session").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("username", "password"));
    }

    @Test
    void readsWithTheCookieAlone() {
        withCookie(signIn(ADMIN, ADMIN_PASSWORD)).get("/api/datasources").then().statusCode(200);
    }

    @Test
    void answersWhoIsSignedInWithTheSameToken() {
        Response signedIn = signIn(ADMIN, ADMIN_PASSWORD);
        withCookie(signedIn).get("/api/session").then().statusCode(200)
                .body("csrfToken", equalTo(signedIn.jsonPath().getString("csrfToken")));
    }

    @Test
    void refusesAWriteWithTheCookieButWithoutTheToken() {
        withCookie(signIn(ADMIN, ADMIN_PASSWORD)).body(DataSources.primary(DataSources.uniqueIdentifier("cs"))).post("/api/datasources").then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("X-CSRF-Token"));
    }

    @Test
    void refusesAWriteWithAnotherSessionsToken() {
        Response mine = signIn(ADMIN, ADMIN_PASSWORD);
        Response other = signIn(ADMIN, ADMIN_PASSWORD);
        withCookie(mine).header("X-CSRF-Token", other.jsonPath().getString("csrfToken")).body(DataSources.primary(DataSources.uniqueIdentifier("cs")))
                .post("/api/datasources").then().statusCode(403);
    }

    @Test
    void acceptsAWriteWithTheCookieAndItsToken() {
        Response signedIn = signIn(ADMIN, ADMIN_PASSWORD);
        withCookie(signedIn).header("X-CSRF-Token", signedIn.jsonPath().getString("csrfToken")).body(DataSources.primary(DataSources.uniqueIdentifier("cs")))
                .post("/api/datasources").then().statusCode(201);
    }

    @Test
    void endsTheSessionOnSignOut() {
        Response signedIn = signIn(ADMIN, ADMIN_PASSWORD);
        Response out = withCookie(signedIn).header("X-CSRF-Token", signedIn.jsonPath().getString("csrfToken")).delete("/api/session");
        out.then().statusCode(204);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        withCookie(signedIn).get("/api/session").then().statusCode(200).body("signedIn", equalTo(false));
    }

    @Test
    void answersThatNobodyIsSignedInWithoutAnErrorStatus() {
        Response answer = TestUsers.anonymous().header("X-Requested-With", CONSOLE).get("/api/session");
        answer.then().statusCode(200).contentType("application/json");
        assertThat(answer.jsonPath().getMap("$")).containsExactly(Map.entry("signedIn", false));
    }

    @Test
    void answersAnApiClientWithoutCredentialsThatNobodyIsSignedIn() {
        TestUsers.anonymous().get("/api/session").then().statusCode(200).body("signedIn", equalTo(false));
    }

    @Test
    void answersAnEndedSessionAsSignedOutAndClearsItsCookie() {
        Response answer = TestUsers.anonymous().header("X-Requested-With", CONSOLE).cookie("dsm_session", "no-such-session")
                .get("/api/session");
        answer.then().statusCode(200).body("signedIn", equalTo(false));
        assertThat(answer.header("Set-Cookie")).startsWith("dsm_session=;").contains("Max-Age=0");
    }

    @Test
    void answersASignedInUserWithTheSessionsFields() {
        Response signedIn = signIn(ADMIN, ADMIN_PASSWORD);
        withCookie(signedIn).get("/api/session").then().statusCode(200).body("signedIn", equalTo(true))
                .body("username", equalTo(ADMIN)).body("role", equalTo("ADMIN"))
                .body("csrfToken", equalTo(signedIn.jsonPath().getString("csrfToken")))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void stillRefusesAWrongBasicPasswordWhenAskedWhoIsSignedIn() {
        TestUsers.anonymous().auth().preemptive().basic(ADMIN, "wrong-password-123").get("/api/session").then()
                .statusCode(401).contentType("application/problem+json").body("type", equalTo("urn:dsm:problem:unauthorized"));
    }

    @Test
    void challengesApiClientsWithBasic() {
        TestUsers.anonymous().get("/api/datasources").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=\"dsm\""))
                .contentType("application/problem+json");
    }

    @Test
    void refusesWrongBasicCredentials() {
        TestUsers.anonymous().auth().preemptive().basic(ADMIN, "wrong-password-123").get("/api/datasources").then()
                .statusCode(401).contentType("application/problem+json");
    }
}
