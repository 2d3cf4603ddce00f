package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.StreamingStandby;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A real streaming standby registered for incremental sync: before PostgreSQL 16 the server refuses
 * to decode on it; from 16 it decodes, but its slot survives the primary's vacuum only with
 * hot_standby_feedback and a primary slot. Each is shown on the servers, then judged by the test.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RecoveryReadinessTest extends ApiTest {

    static LogicalTarget primary;
    static StreamingStandby standby;
    static String database;

    @BeforeAll
    static void startServers() {
        primary = LogicalTarget.start(null);
        database = primary.database("shop", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE PUBLICATION orders FOR TABLE app.orders");
        standby = StreamingStandby.of(primary, "hot_standby_feedback", "off", "wal_receiver_status_interval", "1s");
    }

    @AfterAll
    static void stopServers() {
        standby.close();
        primary.close();
    }

    /**
     * Whether the primary's vacuum of catalog rows, removed after the standby's slot was created,
     * invalidated that slot on the standby (pg_replication_slots.conflicting, PostgreSQL 16 and later).
     */
    private static boolean slotSurvivesCatalogVacuum(String slot, boolean feedback) {
        standby.createLogicalSlot(database, slot);
        try {
            if (feedback) {
                standby.awaitCatalogFeedback();
            }
            primary.server().executeIn(database, "CREATE TABLE app.scratch (id int)", "DROP TABLE app.scratch",
                    "VACUUM pg_class, pg_attribute, pg_type");
            standby.catchUp();
            return "f".equals(standby.server().queryIn(database,
                    "SELECT conflicting FROM pg_replication_slots WHERE slot_name = '" + slot + "'"));
        } finally {
            standby.server().executeIn(database, "SELECT pg_drop_replication_slot('" + slot + "')");
        }
    }

    @Test
    void blocksIncrementalSyncOfAStandbyBefore16() {
        assumeTrue(primary.major() < 16, "PostgreSQL 16 decodes on a standby");
        // The premise, on the standby: no slot can be created there.
        assertThatThrownBy(() -> standby.server().executeIn(database,
                "SELECT pg_create_logical_replication_slot('on_standby', 'pgoutput')"))
                .hasStackTraceContaining("logical decoding cannot be used while in recovery");

        JsonPath result = test(standby.source(database));
        Map<String, Object> finding = finding(result, "server.recovery");
        assertThat(finding).containsEntry("severity", "BLOCKER");
        assertThat((String) finding.get("message")).isEqualTo("The server is in recovery (a standby), and PostgreSQL "
                + primary.major() + " cannot decode on a standby: incremental sync cannot create its replication slot here.");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
    }

    @Test
    void passesIncrementalSyncOfThePrimary() {
        primary.server().executeIn(database, "SELECT pg_create_logical_replication_slot('on_primary', 'pgoutput')",
                "SELECT pg_drop_replication_slot('on_primary')");
        assertThat(passedMessage(test(primary.source(database)), "server.recovery"))
                .isEqualTo("The server is not in recovery: it decodes its own changes.");
    }

    @Test
    void warnsThatAStandbyWithoutFeedbackLosesItsSlotToThePrimarysVacuum() {
        assumeTrue(primary.major() >= 16, "PostgreSQL 16 brought decoding on a standby");
        standby.set("hot_standby_feedback", "off");
        standby.awaitFeedback(false);
        // The premise, on the servers: the standby's slot is invalidated once the primary vacuums catalog rows it needs.
        assertThat(slotSurvivesCatalogVacuum("without_feedback", false)).isFalse();

        JsonPath result = test(standby.source(database));
        Map<String, Object> finding = finding(result, "server.recovery");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER SYSTEM SET hot_standby_feedback = on;\nSELECT pg_reload_conf();");
        assertThat((String) finding.get("message")).contains("But hot_standby_feedback is off: the primary's vacuum can remove "
                + "catalog rows the project's slot still needs");
        assertThat((String) finding.get("hint")).contains("SELECT pg_log_standby_snapshot(); on the primary");
    }

    @Test
    void passesAStandbyWithFeedbackAndAPrimarySlot() {
        assumeTrue(primary.major() >= 16, "PostgreSQL 16 brought decoding on a standby");
        standby.set("hot_standby_feedback", "off");
        String fix = (String) finding(test(standby.source(database)), "server.recovery").get("fixSql");
        for (String statement : fix.split("\n")) {
            standby.server().executeIn(database, statement);
        }
        standby.awaitFeedback(true);
        assertThat(slotSurvivesCatalogVacuum("with_feedback", true)).isTrue();

        JsonPath result = test(standby.source(database));
        if (primary.major() < 17) {
            assertThat(finding(result, "server.recovery")).containsEntry("severity", "INFO");
        } else {
            assertThat(found(result, "server.recovery")).isFalse();
            assertThat(passedMessage(result, "server.recovery")).startsWith("The server is in recovery (a standby) with "
                    + "hot_standby_feedback on and primary_slot_name dsm_standby.");
        }
        assertThat(state(result, "INCREMENTAL_SYNC")).isNotEqualTo("BLOCKED");
    }
}
