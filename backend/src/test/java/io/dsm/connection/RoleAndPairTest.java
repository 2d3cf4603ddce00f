package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.Sockets;
import io.dsm.testing.StandbyBody;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The ROLE check against a primary and a standby (a server restarted with standby.signal). */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RoleAndPairTest extends ApiTest {

    @StartedTarget
    static TargetServer primary;
    /** Serving full migration's reads, as a DBA sets one up: replay does not cancel them (server.standby_reads). */
    @StartedTarget(standby = true, serverConfig = { "hot_standby_feedback", "on" })
    static TargetServer standby;

    @Test
    void passesRoleForAStandbyDataSourceOnAStandby() {
        DataSourceBody body = migrator(standby.port()).attribute("STANDBY");
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "ROLE")).containsEntry("status", "PASSED");
        assertThat(check(result, "PRIMARY", "ROLE").get("message")).contains("standby (in recovery), as expected");
        assertThat(statuses(result)).noneMatch(s -> s.contains("REPLICATION"));
    }

    @Test
    void warnsWhenAPrimaryDataSourcePointsAtAStandby() {
        JsonPath result = test(migrator(standby.port()));
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "ROLE")).containsEntry("status", "WARNING");
    }

    @Test
    void warnsWhenAStandbyDataSourcePointsAtAPrimary() {
        DataSourceBody body = migrator(primary.port()).attribute("STANDBY");
        assertThat(check(test(body), "PRIMARY", "ROLE")).containsEntry("status", "WARNING");
    }

    @Test
    void testsBothHalvesOfAPrimaryAndStandbyPair() {
        DataSourceBody body = migrator(primary.port())
                .attribute("PRIMARY_STANDBY")
                .standby(StandbyBody.at("127.0.0.1", standby.port()));
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION PASSED",
                "PRIMARY DATABASE PASSED", "PRIMARY SCHEMA PASSED", "PRIMARY ROLE PASSED", "PRIMARY REPLICATION WARNING",
                "STANDBY NETWORK PASSED", "STANDBY AUTHENTICATION PASSED", "STANDBY DATABASE PASSED",
                "STANDBY SCHEMA PASSED", "STANDBY ROLE PASSED");
    }

    @Test
    void opensOneSessionToEachServerOfAPairAndAReplicationCheckToThePrimary() throws Exception {
        try (Sockets.CountingRelay toPrimary = new Sockets.CountingRelay(primary.port());
                Sockets.CountingRelay toStandby = new Sockets.CountingRelay(standby.port())) {
            DataSourceBody body = migrator(toPrimary.port())
                    .attribute("PRIMARY_STANDBY")
                    .standby(StandbyBody.at("127.0.0.1", toStandby.port()));
            assertThat(test(body).getBoolean("success")).isTrue();
            // The primary serves incremental sync: beside the session, its replication check dials too.
            assertThat(toPrimary.accepted()).isEqualTo(2);
            assertThat(toStandby.accepted()).isEqualTo(1);
        }
    }

    @Test
    void checksTheStandbyOfAPairForFullMigrationAndThePrimaryForIncrementalSync() {
        primary.execute("CREATE TABLE IF NOT EXISTS sales.events (at timestamptz)", "GRANT SELECT ON sales.events TO migrator");
        DataSourceBody body = migrator(primary.port())
                .attribute("PRIMARY_STANDBY")
                .schemaName("sales")
                .standby(StandbyBody.at("127.0.0.1", standby.port()));
        JsonPath result = test(body);
        List<Map<String, Object>> findings = result.getList("readiness.findings");
        assertThat(findings).filteredOn(f -> "STANDBY".equals(f.get("target")))
                .allSatisfy(f -> assertThat(f.get("scopes")).isEqualTo(List.of("FULL_MIGRATION")));
        assertThat(findings).filteredOn(f -> "PRIMARY".equals(f.get("target")))
                .allSatisfy(f -> assertThat(f.get("scopes")).isEqualTo(List.of("INCREMENTAL_SYNC")));
        assertThat(findings).anySatisfy(f -> assertThat(f).containsEntry("check", "tables.replica_identity")
                .containsEntry("target", "PRIMARY"));
        List<Map<String, Object>> passed = result.getList("readiness.passed");
        assertThat(passed).anySatisfy(p -> assertThat(p).containsEntry("check", "role.select").containsEntry("target", "STANDBY"));
    }

    @Test
    void findsNoIncrementalSyncToCheckOnAStandbyOnlySource() {
        DataSourceBody body = migrator(standby.port()).attribute("STANDBY");
        JsonPath result = test(body);
        assertThat(result.getString("readiness.verdicts[1].state")).isEqualTo("NOT_APPLICABLE");
        assertThat(result.getString("readiness.verdicts[0].state")).isEqualTo("READY");
        List<Map<String, Object>> findings = result.getList("readiness.findings");
        assertThat(findings).isEmpty();
    }

    @Test
    void reportsAFailingStandbyWithoutHidingThePrimary() {
        DataSourceBody body = migrator(primary.port())
                .attribute("PRIMARY_STANDBY")
                .standby(StandbyBody.at("127.0.0.1", standby.port()).password("pw-Wrong-Standby-11"));
        JsonPath result = test(body);
        assertThat(result.getBoolean("success")).isFalse();
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED");
        assertThat(check(result, "STANDBY", "AUTHENTICATION")).containsEntry("status", "FAILED");
    }
}
