package io.dsm.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UsersTest extends ApiTest {

    private static final String PASSWORD = "pw-New-User-58b1c0";

    private static String uniqueName() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath create(String username, String role) {
        return given().body(Map.of("username", username, "role", role, "password", PASSWORD)).post("/api/users")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void createsAUserWhoCanSignInWithTheRoleGiven() {
        String name = uniqueName();
        JsonPath created = create(name, "OPERATOR");
        assertThat(created.getString("role")).isEqualTo("OPERATOR");
        assertThat(created.getMap("$")).doesNotContainKeys("password", "passwordHash");
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD).get("/api/session").then().statusCode(200)
                .body("role", equalTo("OPERATOR"));
    }

    @Test
    void rejectsADuplicateUsernameIgnoringCase() {
        String name = uniqueName();
        create(name, "VIEWER");
        given().body(Map.of("username", name.toUpperCase(), "role", "VIEWER", "password", PASSWORD)).post("/api/users")
                .then().statusCode(409).body("violations.field", contains("username"));
    }

    @Test
    void namesEveryInvalidField() {
        given().body(Map.of("username", "has space", "password", "short")).post("/api/users").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("username", "role", "password"));
    }

    @Test
    void reportsAUsersViolationsInTheOrderOfTheirFieldsLikeADataSources() {
        given().body(Map.of("username", "has space", "password", "short")).post("/api/users").then().statusCode(400)
                .body("violations.field", contains("password", "role", "username"))
                .body("violations.message", contains("must be 12 to 128 characters long", "is required: one of ADMIN, OPERATOR, VIEWER",
                        "must be 1 to 64 letters, digits, dots, hyphens or underscores"));
    }

    @Test
    void ignoresAMalformedUsernameSentWithAnUpdate() {
        JsonPath created = create(uniqueName(), "VIEWER");
        given().body(Map.of("username", "has space", "role", "OPERATOR", "version", created.getLong("version")))
                .put("/api/users/" + created.getString("id")).then().statusCode(200);
    }

    @Test
    void rejectsAPasswordThatContainsTheUsername() {
        String name = uniqueName();
        given().body(Map.of("username", name, "role", "VIEWER", "password", "xx" + name + "-long-enough")).post("/api/users")
                .then().statusCode(400).body("violations.field", contains("password"));
    }

    @Test
    void changesARoleWithTheVersionLastRead() {
        JsonPath created = create(uniqueName(), "VIEWER");
        given().body(Map.of("role", "OPERATOR", "version", created.getLong("version"))).put("/api/users/" + created.getString("id"))
                .then().statusCode(200).body("role", equalTo("OPERATOR"));
    }

    @Test
    void rejectsAStaleVersion() {
        JsonPath created = create(uniqueName(), "VIEWER");
        given().body(Map.of("role", "OPERATOR", "version", created.getLong("version") + 1)).put("/api/users/" + created.getString("id"))
                .then().statusCode(409);
    }

    @Test
    void neverLetsTheLastAdministratorGo() {
        JsonPath admin = given().get("/api/users").then().statusCode(200).extract().jsonPath();
        long admins = admin.getList("role").stream().filter("ADMIN"::equals).count();
        assertThat(admins).isEqualTo(1);
        String id = admin.getString("find { it.username == 'admin' }.id");
        long version = admin.getLong("find { it.username == 'admin' }.version");
        given().body(Map.of("role", "VIEWER", "version", version)).put("/api/users/" + id).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("last administrator"));
    }

    @Test
    void refusesToDeleteYourself() {
        String id = given().get("/api/users").then().extract().jsonPath().getString("find { it.username == 'admin' }.id");
        given().delete("/api/users/" + id).then().statusCode(409);
    }

    @Test
    void deletesAUserWhoCanThenNoLongerSignIn() {
        String name = uniqueName();
        JsonPath created = create(name, "VIEWER");
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD).get("/api/regions").then().statusCode(200);
        given().delete("/api/users/" + created.getString("id")).then().statusCode(204);
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD).get("/api/regions").then().statusCode(401);
    }

    @Test
    void answers404ForAnUnknownUser() {
        given().get("/api/users/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void answersAUserIdThatIsNotAUuidAsBadInputNamingIt() {
        given().get("/api/users/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("id"));
    }

    @Test
    void letsAUserChangeTheirOwnPasswordWithTheCurrentOne() {
        String name = uniqueName();
        create(name, "VIEWER");
        Map<String, Object> change = new HashMap<>(Map.of("currentPassword", PASSWORD, "newPassword", "pw-Changed-Secret-41"));
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD).body(change).put("/api/session/password")
                .then().statusCode(204);
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD).get("/api/regions").then().statusCode(401);
        TestUsers.anonymous().auth().preemptive().basic(name, "pw-Changed-Secret-41").get("/api/regions").then().statusCode(200);
    }

    @Test
    void refusesAPasswordChangeWithoutTheCurrentPassword() {
        String name = uniqueName();
        create(name, "VIEWER");
        TestUsers.anonymous().auth().preemptive().basic(name, PASSWORD)
                .body(Map.of("currentPassword", "not-it-at-all-9", "newPassword", "pw-Changed-Secret-41"))
                .put("/api/session/password").then().statusCode(400).body("violations.field", contains("currentPassword"));
    }
}
