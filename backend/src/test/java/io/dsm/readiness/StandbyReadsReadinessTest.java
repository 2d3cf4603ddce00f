package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.StreamingStandby;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A real streaming standby serving full migration: a long read of it is cancelled when replay of the
 * primary's vacuum conflicts with it, unless hot_standby_feedback is on. The server shows both; the
 * test warns about the first and passes the second, reached by running its own fix.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class StandbyReadsReadinessTest extends ApiTest {

    private static final String LONG_READ = "SELECT pg_sleep(2), count(*) FROM app.orders";

    static LogicalTarget primary;
    static StreamingStandby standby;
    static String database;

    @BeforeAll
    static void startServers() {
        primary = LogicalTarget.start(null);
        database = primary.database("reads", "CREATE TABLE app.orders (id int PRIMARY KEY, note text)");
        standby = StreamingStandby.of(primary, "hot_standby_feedback", "off", "max_standby_streaming_delay", "100ms",
                "wal_receiver_status_interval", "1s");
    }

    @AfterAll
    static void stopServers() {
        standby.close();
        primary.close();
    }

    /** The standby alone, for schema and full migration. */
    private static DataSourceBody standbySource() {
        return standby.source(database).attribute("STANDBY");
    }

    /**
     * A read of the standby that runs while the primary deletes half of the rows it reads and vacuums
     * them away (without truncating, so that no lock conflicts): its SQLSTATE, or null when it completes.
     */
    private static String longReadWhilePrimaryVacuums() throws Exception {
        primary.server().executeIn(database, "INSERT INTO app.orders SELECT g, 'n' FROM generate_series(1, 10000) g "
                + "ON CONFLICT DO NOTHING");
        standby.catchUp();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (Connection session = standby.server().connectAs(database, LogicalTarget.CDC, LogicalTarget.CDC_PASSWORD);
                    Statement statement = session.createStatement()) {
                statement.execute(LONG_READ);
                return null;
            } catch (SQLException e) {
                return e.getSQLState();
            }
        });
        while (!"1".equals(standby.server().queryIn(database,
                "SELECT count(*) FROM pg_stat_activity WHERE query = '" + LONG_READ + "' AND state = 'active'"))) {
            Thread.sleep(10);
        }
        primary.server().executeIn(database, "DELETE FROM app.orders WHERE id % 2 = 0", "VACUUM (TRUNCATE false) app.orders");
        return read.get(20, TimeUnit.SECONDS);
    }

    @Test
    void warnsThatAStandbyWithoutFeedbackCancelsLongReads() throws Exception {
        standby.set("hot_standby_feedback", "off");
        standby.awaitFeedback(false);
        // The premise, on the servers: replaying the primary's vacuum cancels the standby's read.
        assertThat(longReadWhilePrimaryVacuums()).isEqualTo("40001");

        JsonPath result = test(standbySource());
        Map<String, Object> finding = finding(result, "server.standby_reads");
        assertThat(finding).containsEntry("severity", "WARNING").containsEntry("scopes", List.of("FULL_MIGRATION"))
                .containsEntry("fixSql", "ALTER SYSTEM SET hot_standby_feedback = on;\nSELECT pg_reload_conf();");
        assertThat((String) finding.get("message")).startsWith("hot_standby_feedback is off and max_standby_streaming_delay "
                + "is 100ms (set in the server's configuration): a full-migration read of this standby");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("WARNINGS");
    }

    @Test
    void passesOnceItsFixTurnsHotStandbyFeedbackOn() throws Exception {
        standby.set("hot_standby_feedback", "off");
        String fix = (String) finding(test(standbySource()), "server.standby_reads").get("fixSql");

        // Statement by statement, as psql runs a script: ALTER SYSTEM cannot run inside a transaction block.
        for (String statement : fix.split("\n")) {
            standby.server().executeIn(database, statement);
        }
        standby.awaitFeedback(true);
        assertThat(longReadWhilePrimaryVacuums()).isNull();
        assertThat(passedMessage(test(standbySource()), "server.standby_reads")).startsWith("hot_standby_feedback is on");
    }

    @Test
    void passesAPrimaryWhoseReadsNoReplayCancels() {
        assertThat(passedMessage(test(primary.source(database)), "server.standby_reads"))
                .isEqualTo("The server is not in recovery: no replay cancels its reads.");
    }
}
