package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
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

/**
 * With DSM_READINESS_SLOT_PROBE=off (the watch's default) the replication connection only runs
 * IDENTIFY_SYSTEM, and slots.creation judges from the catalog alone: no slot is ever created.
 */
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
    void warnsAboutATransactionThatHasHeldAnIdLongerThanTheThreshold() throws Exception {
        String database = target.database("longxact", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        try (Connection forgotten = target.asCdc(database); Statement statement = forgotten.createStatement()) {
            forgotten.setAutoCommit(false);
            statement.execute("INSERT INTO app.orders VALUES (1)");
            int pid = forgotten.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            Thread.sleep(ConnectionTestProfile.LONG_TRANSACTION_MS + 200);

            JsonPath result = test(target.source(database));
            Map<String, Object> finding = finding(result, "slots.creation");
            assertThat(finding).containsEntry("severity", "WARNING");
            assertThat((String) finding.get("message")).isEqualTo("1 session has held a transaction id for 1 second or longer: "
                    + "creating the project's replication slot waits until its transaction ends.");
            assertThat(objectNames(finding)).containsExactly("pid " + pid);
            assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("WARNINGS");
        }
    }

    @Test
    void countsTransactionsOfOtherUsersWhoseAgeTheServerHides() throws Exception {
        String database = target.database("hidden", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        try (Connection other = target.server().connectAs(database, "postgres", ""); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT txid_current()");
            Thread.sleep(ConnectionTestProfile.LONG_TRANSACTION_MS + 200);
            assertThat(passedMessage(test(target.source(database)), "slots.creation"))
                    .endsWith("1 session of another user holds a transaction id now; the server shows how long only to "
                            + "members of pg_read_all_stats.");
        }
    }

    @Test
    void identifiesTheSystemAndCreatesNoSlot() {
        String database = target.database("unprobed", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        long identified = target.logLines("received replication command: IDENTIFY_SYSTEM");
        JsonPath result = test(target.source(database));
        assertThat(passedMessage(result, "replication.connection"))
                .matches("The server accepted a logical replication connection from dsm: IDENTIFY_SYSTEM reports system \\d+, "
                        + "timeline 1, WAL at [0-9A-F]+/[0-9A-F]+, database unprobed\\.");
        assertThat(passedMessage(result, "slots.creation")).startsWith("No prepared transaction");
        assertThat(target.logLines("received replication command: IDENTIFY_SYSTEM")).isEqualTo(identified + 1);
        assertThat(target.logLines("CREATE_REPLICATION_SLOT")).isZero();
    }
}
