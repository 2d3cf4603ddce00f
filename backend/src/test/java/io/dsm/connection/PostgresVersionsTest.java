package io.dsm.connection;

import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dsm.testing.ApiTest;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The whole check sequence against each supported major version. */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class PostgresVersionsTest extends ApiTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @CsvSource({ "12, 12.22.0", "14, 14.20.0", "16, 16.11.0", "18, 18.1.0" })
    void runsEveryCheckAgainstThisVersion(String major, String binaries) {
        try (TargetServer target = TargetServer.start(binaries, Map.of())) {
            Map<String, Object> body = migrator(target.port());
            body.put("schemaName", "sales");
            body.put("heartbeatEnabled", true);
            JsonPath result = test(body);
            assertThat(result.getString("serverVersion")).startsWith(major + ".");
            assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION PASSED",
                    "PRIMARY DATABASE PASSED", "PRIMARY SCHEMA PASSED", "PRIMARY ROLE PASSED", "PRIMARY HEARTBEAT PASSED",
                    "PRIMARY REPLICATION WARNING");

            body.put("password", "pw-Wrong-For-" + major);
            assertThat(statuses(test(body))).contains("PRIMARY AUTHENTICATION FAILED");
        }
    }
}
