package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
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
 * The temporary slot probe: on the replication connection the test already opens, the server is
 * asked to create a TEMPORARY logical slot, which proves a project's slot can be created now. It
 * waits no longer than its bound, says what it waited for, and leaves nothing behind.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class SlotProbeTest extends ApiTest {

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

    /** Waits up to a second for dsm's probe slots to be gone, as they go with their WAL sender. */
    private static String probeSlotsLeft(String database) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        String left;
        do {
            Thread.sleep(20);
            left = target.server().queryIn(database, "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'dsm\\_probe\\_%'");
        } while (!"0".equals(left) && System.nanoTime() < deadline);
        return left;
    }

    @Test
    void createsATemporarySlotAndLeavesNothingBehind() throws InterruptedException {
        String database = target.database("probed", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        long created = target.logLines("received replication command: CREATE_REPLICATION_SLOT dsm_probe_");
        JsonPath result = test(target.source(database));
        assertThat(passedMessage(result, "slots.creation")).matches("The server created a temporary logical slot for dsm at WAL "
                + "[0-9A-F]+/[0-9A-F]+ in \\d+ ms, and dropped it when dsm disconnected: a project's slot can be created now\\. .*");
        assertThat(target.logLines("received replication command: CREATE_REPLICATION_SLOT dsm_probe_")).isEqualTo(created + 1);
        assertThat(probeSlotsLeft(database)).isEqualTo("0");
    }

    @Test
    void waitsNoLongerThanItsBoundAndBlocksOnWhatItWaitedFor() throws Exception {
        String database = target.database("probewait", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        // Another user's transaction holds an id: dsm may not see how long, but the server waits for it all the same.
        try (Connection other = target.server().connectAs(database, "postgres", ""); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT txid_current()");

            JsonPath result = test(target.source(database));
            assertThat(result.getLong("elapsedMs")).isLessThan(ConnectionTestProfile.TIMEOUT_MS);
            Map<String, Object> finding = finding(result, "slots.creation");
            assertThat(finding).containsEntry("severity", "BLOCKER");
            assertThat((String) finding.get("message")).matches("The server did not create a temporary logical slot for dsm "
                    + "within \\d+ ms: it was still waiting for transactions that hold a transaction id to end \\(none that "
                    + "dsm may see has run for 1 second\\), so a project's slot would wait too\\. 1 session of another user "
                    + "holds a transaction id now; .*");
            assertThat((String) finding.get("hint")).as("the sessions are another user's: say who can see them")
                    .contains("pg_read_all_stats");
            assertThat(probeSlotsLeft(database)).isEqualTo("0");
        }
    }

    @Test
    void leavesOtherProbesSlotsOutOfTheSlotsItCounts() throws Exception {
        String database = target.database("otherprobe", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('paused_consumer', 'pgoutput')");
        // Another dsm instance's probe, caught while its slot exists.
        try (Connection other = target.server().replicationConnectionAs(database, "postgres", ""); Statement statement = other.createStatement()) {
            statement.execute("CREATE_REPLICATION_SLOT dsm_probe_0123456789abcdef TEMPORARY LOGICAL pgoutput NOEXPORT_SNAPSHOT");
            JsonPath result = test(target.source(database));
            assertThat(passedMessage(result, "server.replication_slots")).isEqualTo("3 of 4 replication slots are free.");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot('paused_consumer')");
        }
    }
}
