package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A server that presents itself as Amazon RDS: its settings carry rds.logical_replication, as an
 * RDS instance's do. dsm must name RDS's procedure, never ALTER SYSTEM, which RDS refuses.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ManagedServiceReadinessTest extends ApiTest {

    @StartedTarget(serverConfig = { "rds.logical_replication", "off" })
    static TargetServer rds;

    @BeforeAll
    static void grantRdsReplication() {
        rds.execute("CREATE ROLE rds_replication NOLOGIN", "GRANT rds_replication TO " + TargetServer.MIGRATOR);
    }

    private static JsonPath testRds() {
        DataSourceBody body = io.dsm.connection.TestBodies.migrator(rds.port()).schemaName("sales");
        return test(body);
    }

    @Test
    void blocksOnTheProvidersFlagWithItsProcedureInsteadOfAlterSystem() {
        JsonPath result = testRds();
        Map<String, Object> flag = finding(result, "server.provider_logical_decoding");
        assertThat(flag).containsEntry("severity", "BLOCKER");
        assertThat(flag.get("fixSql")).isNull();
        assertThat((String) flag.get("message")).startsWith("Amazon RDS / Aurora: rds.logical_replication is off");
        assertThat((String) flag.get("hint")).contains("DB parameter group").contains("reboot").doesNotContain("ALTER SYSTEM");
        // One cause, told once: wal_level follows the flag.
        assertThat(found(result, "server.wal_level")).isFalse();
    }

    @Test
    void saysTheInstanceStillNeedsARebootWhenTheFlagIsOnButWalLevelIsNot() {
        // A per-role setting outranks the server's command line, as the parameter group's value would.
        rds.execute("ALTER ROLE " + TargetServer.MIGRATOR + " SET rds.logical_replication = 'on'");
        try {
            JsonPath result = testRds();
            assertThat(found(result, "server.provider_logical_decoding")).isFalse();
            assertThat((String) finding(result, "server.wal_level").get("message")).contains("has not restarted");
        } finally {
            rds.execute("ALTER ROLE " + TargetServer.MIGRATOR + " RESET rds.logical_replication");
        }
    }

    @Test
    void countsMembershipOfRdsReplicationAsThePrivilegeToReplicate() {
        assertThat(ReadinessAnswers.passedMessage(testRds(), "role.replication")).contains("member of rds_replication");
    }
}
