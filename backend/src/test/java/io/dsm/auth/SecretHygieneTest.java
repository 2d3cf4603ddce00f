package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.PostgresResource;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Every endpoint driven with known passwords while everything logs at DEBUG: none of them may appear
 * in the log, in a response, in the audit log or in the OpenAPI document.
 */
@QuarkusTest
@TestProfile(SecretHygieneTest.DebugLog.class)
class SecretHygieneTest extends ApiTest {

    static final Path LOG = Path.of("target", "secret-hygiene-debug.log");

    public static class DebugLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.level", "DEBUG", "quarkus.log.console.level", "INFO",
                    "quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.level", "DEBUG", "quarkus.log.category.\"io.zonky\".level", "DEBUG",
                    // The test's own HTTP client (RestAssured) shares this JVM's logging; its wire log is not dsm's.
                    "quarkus.log.category.\"org.apache.http\".level", "INFO");
        }
    }

    private static final String RIGHT = TargetServer.MIGRATOR_PASSWORD;
    private static final List<String> KNOWN = List.of("pw-Hygiene-Wrong-31d7", "pw-Hygiene-Update-8c02", "pw-Hygiene-Unsaved-77aa",
            "pw-Hygiene-Invalid-5e19", "pw-Hygiene-User-0b3f4a", "pw-Hygiene-Own-New-2d9e", "pw-Hygiene-SignIn-Bad-9");

    @StartedTarget
    static TargetServer target;

    private static DataSourceBody source(String password) {
        return DataSourceBody.migrator(target.port()).identifier("hy" + UUID.randomUUID().toString().substring(0, 8))
                .password(password);
    }

    @Test
    void keepsEveryPasswordOutOfLogsResponsesAuditAndDocument() throws Exception {
        StringBuilder responses = new StringBuilder();
        responses.append(TestUsers.anonymous().body(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)).post("/api/session").asString());
        responses.append(TestUsers.anonymous().body(Map.of("username", ADMIN, "password", KNOWN.get(6))).post("/api/session").asString());
        responses.append(TestUsers.anonymous().auth().preemptive().basic(ADMIN, KNOWN.get(6)).get("/api/datasources").asString());

        var good = given().body(source(RIGHT)).post("/api/datasources").then().statusCode(201).extract();
        responses.append(good.asString());
        String id = good.jsonPath().getString("id");
        responses.append(given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                .body("success", org.hamcrest.Matchers.equalTo(true)).extract().asString());
        responses.append(given().body(source(KNOWN.get(0))).post("/api/datasources/test-connection").then().statusCode(200)
                .body("success", org.hamcrest.Matchers.equalTo(false)).extract().asString());

        DataSourceBody update = source(KNOWN.get(1))
                .identifier(good.jsonPath().getString("identifier"))
                .version(good.jsonPath().getLong("version"));
        responses.append(given().body(update).put("/api/datasources/" + id).then().statusCode(200).extract().asString());
        responses.append(given().body(source(KNOWN.get(2))).post("/api/datasources/" + id + "/test-connection").asString());

        DataSourceBody invalid = source(KNOWN.get(3)).port(0).host("bad host");
        responses.append(given().body(invalid).post("/api/datasources").then().statusCode(400).extract().asString());
        DataSourceBody duplicate = source(KNOWN.get(3)).identifier(good.jsonPath().getString("identifier").toUpperCase());
        responses.append(given().body(duplicate).post("/api/datasources").then().statusCode(409).extract().asString());
        responses.append(given().body("{\"password\": \"" + KNOWN.get(3) + "\", \"port\": \"x\"}").post("/api/datasources").asString());

        String user = "hyg" + UUID.randomUUID().toString().substring(0, 6);
        responses.append(given().body(Map.of("username", user, "role", "OPERATOR", "password", KNOWN.get(4))).post("/api/users")
                .then().statusCode(201).extract().asString());
        responses.append(TestUsers.anonymous().auth().preemptive().basic(user, KNOWN.get(4))
                .body(Map.of("currentPassword", KNOWN.get(4), "newPassword", KNOWN.get(5))).put("/api/session/password").asString());
        responses.append(given().get("/api/audit?size=200").then().statusCode(200).extract().asString());

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the DEBUG log captured the requests").contains("/api/datasources");
        String document = given().get("/q/openapi?format=json").asString();
        String audit = auditTable();
        for (String password : secrets()) {
            assertThat(log).as("DEBUG log").doesNotContain(password);
            assertThat(responses.toString()).as("responses").doesNotContain(password);
            assertThat(audit).as("audit table").doesNotContain(password);
            assertThat(document).as("OpenAPI document").doesNotContain(password);
        }
    }

    private static List<String> secrets() {
        List<String> all = new java.util.ArrayList<>(KNOWN);
        all.add(RIGHT);
        all.add(ADMIN_PASSWORD);
        return all;
    }

    private static String auditTable() throws Exception {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = PostgresResource.database().connect();
                ResultSet all = connection.createStatement().executeQuery("SELECT audit_event::text FROM audit_event")) {
            while (all.next()) {
                rows.append(all.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }
}
