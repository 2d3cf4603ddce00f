package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With DSM_READINESS_SLOT_PROBE=off the replication connection only runs IDENTIFY_SYSTEM: no slot is ever created. */
@QuarkusTest
@TestProfile(SlotProbeOffTest.ProbeOff.class)
class SlotProbeOffTest extends ApiTest {

    public static class ProbeOff extends ConnectionTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("dsm.readiness.slot-probe", "off");
            return overrides;
        }
    }

    static LogicalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        target.server().execute("ALTER SYSTEM SET log_replication_commands = on", "SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void identifiesTheSystemAndCreatesNoSlot() {
        String database = target.database("unprobed", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        long identified = target.logLines("IDENTIFY_SYSTEM");
        JsonPath result = test(target.source(database));
        assertThat(passedMessage(result, "replication.connection"))
                .matches("The server accepted a logical replication connection from dsm: IDENTIFY_SYSTEM reports system \\d+, "
                        + "timeline 1, WAL at [0-9A-F]+/[0-9A-F]+, database unprobed\\.");
        assertThat(passedMessage(result, "slots.creation")).startsWith("No prepared transaction");
        assertThat(target.logLines("IDENTIFY_SYSTEM")).isEqualTo(identified + 1);
        assertThat(target.logLines("CREATE_REPLICATION_SLOT")).isZero();
    }
}
