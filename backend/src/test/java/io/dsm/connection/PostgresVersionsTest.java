package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The whole check sequence against each supported major version, and readiness's catalog queries,
 * which differ by version (slot wal_status from 13, publish_via_partition_root from 13, schema
 * publications and column lists from 15, inactive_since from 17).
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class PostgresVersionsTest extends ApiTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @CsvSource({ "12, 12.22.0", "13, 13.23.0", "14, 14.20.0", "15, 15.15.0", "16, 16.11.0", "18, 18.1.0" })
    void runsEveryCheckAgainstThisVersion(String major, String binaries) {
        try (TargetServer target = TargetServer.start(binaries, Map.of())) {
            DataSourceBody body = migrator(target.port()).schemaName("sales").heartbeat(true);
            JsonPath result = test(body);
            assertThat(result.getString("serverVersion")).startsWith(major + ".");
            assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION PASSED",
                    "PRIMARY DATABASE PASSED", "PRIMARY SCHEMA PASSED", "PRIMARY ROLE PASSED", "PRIMARY HEARTBEAT PASSED",
                    "PRIMARY REPLICATION WARNING");

            body.password("pw-Wrong-For-" + major);
            assertThat(statuses(test(body))).contains("PRIMARY AUTHENTICATION FAILED");
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @CsvSource({ "12, 12.22.0", "13, 13.23.0", "14, 14.20.0", "15, 15.15.0", "16, 16.11.0", "17, ", "18, 18.1.0" })
    void inspectsReadinessOnThisVersion(int major, String binaries) {
        try (LogicalTarget target = LogicalTarget.start(binaries)) {
            List<String> fixture = new ArrayList<>(List.of("CREATE TABLE app.events (at timestamptz, body text)",
                    "CREATE TABLE app.wide (id int PRIMARY KEY, secret text)",
                    "CREATE TABLE app.measures (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                    "CREATE TABLE app.measures_2026 PARTITION OF app.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                    "CREATE SEQUENCE app.invoice_no",
                    "CREATE PUBLICATION published FOR TABLE app.events"));
            if (major >= 15) {
                fixture.add("CREATE PUBLICATION some_columns FOR TABLE app.wide (id)");
            }
            String database = target.database("versions", fixture.toArray(String[]::new));
            target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('abandoned', 'pgoutput')",
                    "INSERT INTO app.wide SELECT generate_series(1, 1000)");

            JsonPath result = test(target.source(database));
            assertThat(check(result, "PRIMARY", "REPLICATION").get("message")).startsWith("Incremental sync would fail");
            assertThat(checks(result, "passed")).contains("server.version", "server.wal_level", "replication.connection",
                    "role.replication", "role.select", "server.recovery", "server.standby_reads", "slots.creation",
                    "role.read_only", "role.connection_limit", "role.timeouts", "role.password_expiry");
            assertThat(detail(result, "tables.replica_identity", "app.events"))
                    .isEqualTo("published by published, so UPDATE and DELETE on it fail now");
            assertThat(severity(result, "tables.partitioned")).isEqualTo(major >= 13 ? "INFO" : "WARNING");
            assertThat(detail(result, "slots.inactive", "abandoned"))
                    .startsWith(major >= 17 ? "inactive since " : "inactive, retains ")
                    .endsWith(major >= 13 ? "wal_status reserved" : "of WAL");
            assertThat(checks(result, major >= 13 ? "passed" : "findings")).contains("server.max_slot_wal_keep_size");
            assertThat(checks(result, "findings")).contains("tables.sequences", "publications.coverage");
            if (major >= 15) {
                assertThat(objectDetails(result, "publications.coverage")).contains("published with a column list or row filter");
            }
        }
    }

    private static List<String> checks(JsonPath result, String part) {
        List<Map<String, Object>> entries = result.getList("readiness." + part);
        return entries.stream().map(e -> (String) e.get("check")).toList();
    }

    private static String severity(JsonPath result, String check) {
        return result.getString("readiness.findings.find { it.check == '" + check + "' }.severity");
    }

    private static String detail(JsonPath result, String check, String object) {
        return result.getString("readiness.findings.find { it.check == '" + check + "' }.objects.find { it.name == '" + object
                + "' }.detail");
    }

    private static List<String> objectDetails(JsonPath result, String check) {
        return result.getList("readiness.findings.findAll { it.check == '" + check + "' }.objects.flatten().detail");
    }
}
