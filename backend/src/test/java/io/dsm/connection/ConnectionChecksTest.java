package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.Sockets;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Each check against a real PostgreSQL with scram-sha-256 authentication, one finding at a time. */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ConnectionChecksTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    @Test
    void passesEveryCheckWithTheRightPasswordAndWarnsWhatIncrementalSyncLacks() {
        DataSourceBody body = migrator(target.port()).schemaName("sales").heartbeat(true);
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(result.getString("serverVersion")).startsWith(target.majorVersion() + ".");
        assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION PASSED",
                "PRIMARY DATABASE PASSED", "PRIMARY SCHEMA PASSED", "PRIMARY ROLE PASSED", "PRIMARY HEARTBEAT PASSED",
                "PRIMARY REPLICATION WARNING");
        assertThat(check(result, "PRIMARY", "SCHEMA").get("message")).contains("all 2 of its tables");
        assertThat(check(result, "PRIMARY", "REPLICATION").get("message")).startsWith("Incremental sync would fail")
                .contains("server.wal_level").contains("role.replication");
        List<Map<String, Object>> findings = result.getList("readiness.findings");
        assertThat(findings).anySatisfy(f -> assertThat(f).containsEntry("check", "server.wal_level")
                .containsEntry("fixSql", "ALTER SYSTEM SET wal_level = logical;"));
        assertThat(findings).anySatisfy(f -> assertThat(f).containsEntry("check", "role.replication")
                .containsEntry("fixSql", "ALTER ROLE migrator REPLICATION;"));
        assertThat(result.getLong("elapsedMs")).isLessThan(ConnectionTestProfile.TIMEOUT_MS);
    }

    @Test
    void leavesNoSessionOnTheServerOnceAnswered() {
        assertThat(test(migrator(target.port())).getBoolean("success")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sessionsOfConnectionTests() == 0);
    }

    @Test
    void reportsHowLongTheTcpHandshakeTook() {
        JsonPath result = test(migrator(target.port()));
        assertThat(check(result, "PRIMARY", "NETWORK").get("message"))
                .matches("Reached 127\\.0\\.0\\.1:" + target.port() + " in (\\d+(\\.\\d)?|under 0\\.1) ms; not encrypted\\.");
    }

    @Test
    void opensOneConnectionToAServerThatServesFullMigrationOnly() throws Exception {
        try (Sockets.CountingRelay relay = new Sockets.CountingRelay(target.port())) {
            DataSourceBody body = migrator(relay.port()).attribute("STANDBY");
            assertThat(test(body).getBoolean("success")).isTrue();
            assertThat(relay.accepted()).isEqualTo(1);
        }
    }

    @Test
    void dialsTheReplicationCheckBesideTheSessionButSendsNoPasswordForAUserWhoMayNotReplicate() throws Exception {
        try (Sockets.CountingRelay relay = new Sockets.CountingRelay(target.port())) {
            JsonPath result = test(migrator(relay.port()));
            assertThat(result.getBoolean("success")).isTrue();
            assertThat(relay.accepted()).isEqualTo(2);
            List<Map<String, Object>> passed = result.getList("readiness.passed");
            assertThat(passed).noneMatch(p -> "replication.connection".equals(p.get("check")));
        }
    }

    private static long sessionsOfConnectionTests() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + target.port() + "/postgres", "postgres", "");
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dsm connection test'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void failsAuthenticationForAWrongPasswordAndSkipsTheRest() {
        DataSourceBody body = migrator(target.port()).password("pw-Wrong-Guess-000");
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isFalse();
        assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION FAILED",
                "PRIMARY DATABASE SKIPPED", "PRIMARY SCHEMA SKIPPED", "PRIMARY ROLE SKIPPED", "PRIMARY REPLICATION SKIPPED");
        Map<String, String> authentication = check(result, "PRIMARY", "AUTHENTICATION");
        assertThat(authentication.get("sqlState")).isEqualTo("28P01");
        assertThat(authentication.get("message")).isEqualTo("Password authentication failed for user \"migrator\".");
        assertThat(authentication.get("hint")).contains("username and password");
    }

    @Test
    void failsAuthenticationForAnUnknownUser() {
        DataSourceBody body = migrator(target.port()).username("nobody_here");
        assertThat(check(test(body), "PRIMARY", "AUTHENTICATION").get("status")).isEqualTo("FAILED");
    }

    @Test
    void failsDatabaseForAnUnknownDatabase() {
        DataSourceBody body = migrator(target.port()).databaseName("nosuchdb");
        Map<String, String> database = check(test(body), "PRIMARY", "DATABASE");
        assertThat(database).containsEntry("status", "FAILED").containsEntry("sqlState", "3D000");
        assertThat(database.get("message")).isEqualTo("Database \"nosuchdb\" does not exist on the server.");
    }

    @Test
    void failsSchemaForAnUnknownSchema() {
        DataSourceBody body = migrator(target.port()).schemaName("nosuchschema");
        Map<String, String> schema = check(test(body), "PRIMARY", "SCHEMA");
        assertThat(schema).containsEntry("status", "FAILED").containsEntry("sqlState", "3F000");
    }

    @Test
    void failsSchemaWithoutUsageAndSaysWhatToGrant() {
        DataSourceBody body = migrator(target.port()).schemaName("locked");
        Map<String, String> schema = check(test(body), "PRIMARY", "SCHEMA");
        assertThat(schema).containsEntry("status", "FAILED").containsEntry("sqlState", "42501");
        assertThat(schema.get("hint")).isEqualTo("GRANT USAGE ON SCHEMA locked TO migrator;");
    }

    @Test
    void warnsWhenTheUserCannotReadEveryTableOfTheSchema() {
        DataSourceBody body = migrator(target.port())
                .username(TargetServer.READER)
                .password(TargetServer.READER_PASSWORD)
                .schemaName("sales");
        Map<String, String> schema = check(test(body), "PRIMARY", "SCHEMA");
        assertThat(schema).containsEntry("status", "WARNING");
        assertThat(schema.get("message")).contains("can read 1 of the 2 tables");
    }

    @Test
    void countsTheReadableSchemasWhenNoneIsGiven() {
        Map<String, String> schema = check(test(migrator(target.port())), "PRIMARY", "SCHEMA");
        assertThat(schema).containsEntry("status", "PASSED");
        assertThat(schema.get("message")).contains("can use 2 of 3 schemas");
    }

    @Test
    void failsHeartbeatForAUserWhoMayNotCreateTables() {
        DataSourceBody body = migrator(target.port())
                .username(TargetServer.READER)
                .password(TargetServer.READER_PASSWORD)
                .heartbeat(true);
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isFalse();
        Map<String, String> heartbeat = check(result, "PRIMARY", "HEARTBEAT");
        assertThat(heartbeat).containsEntry("status", "FAILED").containsEntry("sqlState", "42501");
        assertThat(heartbeat.get("message")).isEqualTo("Permission denied to create table in schema \"public\".");
        assertThat(heartbeat.get("hint")).startsWith("GRANT CREATE ON SCHEMA public TO reader;");
    }

    @Test
    void runsNoHeartbeatCheckWhenHeartbeatIsOff() {
        assertThat(statuses(test(migrator(target.port())))).noneMatch(s -> s.contains("HEARTBEAT"));
    }

    @Test
    void acceptsATestBeforeTheIdentifierIsFilledAndStoresNothing() {
        long before = given().get("/api/datasources").jsonPath().getLong("total");
        test(migrator(target.port()));
        assertThat(given().get("/api/datasources").jsonPath().getLong("total")).isEqualTo(before);
    }

    @Test
    void rejectsInvalidInputLikeCreateDoes() {
        DataSourceBody body = migrator(target.port()).port(0).host("db?socketFactory=evil");
        given().body(body).post("/api/datasources/test-connection")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("host", "port"));
    }

    @Test
    void requiresThePasswordToTestAnUnsavedDataSource() {
        DataSourceBody body = migrator(target.port()).without("password");
        given().body(body).post("/api/datasources/test-connection")
                .then().statusCode(400).body("violations.field", contains("password"));
    }
}
