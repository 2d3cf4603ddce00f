package io.dsm.watch;

import static io.dsm.watch.WatchedSources.appeared;
import static io.dsm.watch.WatchedSources.cleared;
import static io.dsm.watch.WatchedSources.firstCheck;
import static io.dsm.watch.WatchedSources.history;
import static io.dsm.watch.WatchedSources.millisUntil;
import static io.dsm.watch.WatchedSources.readiness;
import static io.dsm.watch.WatchedSources.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What changes on a source after it was registered is noticed by the watch within two intervals,
 * each in the history: a table without a key, an inactive slot, a dropped grant, a changed password.
 */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class DriftAfterRegistrationTest extends ApiTest {

    /** Two intervals, and the time one check may take. */
    private static final Duration TWO_INTERVALS = Duration.ofMillis(2 * FastWatchProfile.INTERVAL_MS + FastWatchProfile.TIMEOUT_MS);

    static LogicalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static String watched(String database) {
        target.database(database, "CREATE TABLE app.orders (id int PRIMARY KEY, note text)",
                "CREATE PUBLICATION " + database + "_pub FOR TABLE app.orders");
        String id = DataSources.create(target.source(database).identifier(database.replace("_", ""))).getString("id");
        JsonPath first = firstCheck(id);
        assertThat(first.getString("state")).as("the first check of a source with nothing to fix but server warnings")
                .isIn("READY", "WARNINGS");
        return id;
    }

    @Test
    void noticesANewTableWithoutAKeyWithinTwoIntervals() {
        String id = watched("drift_key");
        target.server().executeIn("drift_key", "SET ROLE " + LogicalTarget.CDC, "CREATE TABLE app.events (payload text)",
                "ALTER PUBLICATION drift_key_pub ADD TABLE app.events");

        long tookMs = millisUntil(TWO_INTERVALS, id, source -> appeared(source, "tables.replica_identity"));

        assertThat(tookMs).isLessThanOrEqualTo(TWO_INTERVALS.toMillis());
        assertThat(state(id)).isEqualTo("BLOCKED");
        Map<String, Object> change = history(id, "STATE_CHANGED").get(0);
        assertThat(change).containsEntry("toState", "BLOCKED").containsEntry("actor", "readiness-watch");
    }

    @Test
    void noticesANewInactiveSlotWithinTwoIntervalsAndItsDropWithinTwoMore() {
        String id = watched("drift_slot");
        target.server().executeIn("drift_slot", "SELECT pg_create_logical_replication_slot('forgotten_drift', 'pgoutput')",
                "CREATE TABLE public.churn AS SELECT generate_series(1, 20000) AS n");
        try {
            long tookMs = millisUntil(TWO_INTERVALS, id, source -> appeared(source, "slots.inactive"));
            assertThat(tookMs).isLessThanOrEqualTo(TWO_INTERVALS.toMillis());
            List<Map<String, Object>> findings = readiness(id).getList("latest.readiness.findings");
            assertThat(findings).filteredOn(finding -> "slots.inactive".equals(finding.get("check")))
                    .singleElement().satisfies(finding -> assertThat(finding.get("objects").toString()).contains("forgotten_drift"));
        } finally {
            target.server().executeIn("drift_slot", "SELECT pg_drop_replication_slot('forgotten_drift')");
        }
        millisUntil(TWO_INTERVALS, id, source -> cleared(source, "slots.inactive"));
    }

    @Test
    void noticesADroppedGrantWithinTwoIntervals() {
        String id = watched("drift_grant");
        target.server().executeIn("drift_grant", "CREATE TABLE app.audit_trail (id int PRIMARY KEY)",
                "ALTER TABLE app.audit_trail OWNER TO postgres", "GRANT SELECT ON app.audit_trail TO " + LogicalTarget.CDC);
        millisUntil(TWO_INTERVALS, id, source -> readiness(source).getList("latest.readiness.passed.check").contains("role.select"));

        target.server().executeIn("drift_grant", "REVOKE SELECT ON app.audit_trail FROM " + LogicalTarget.CDC);

        long tookMs = millisUntil(TWO_INTERVALS, id, source -> appeared(source, "role.select"));
        assertThat(tookMs).isLessThanOrEqualTo(TWO_INTERVALS.toMillis());
    }

    @Test
    void noticesAChangedPasswordWithinTwoIntervalsWithoutShowingAnyPassword() {
        String user = "rotating";
        String oldPassword = "pw-Rotating-old-41c2";
        String newPassword = "pw-Rotating-new-9d07";
        target.server().execute("SET password_encryption = 'scram-sha-256'",
                "CREATE ROLE " + user + " LOGIN REPLICATION PASSWORD '" + oldPassword + "'");
        target.database("drift_password", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn("drift_password", "GRANT USAGE ON SCHEMA app TO " + user, "GRANT SELECT ON app.orders TO " + user);
        String id = DataSources.create(target.source("drift_password").identifier("driftpassword").username(user)
                .password(oldPassword)).getString("id");
        assertThat(firstCheck(id).getString("state")).isNotEqualTo("UNREACHABLE");

        target.server().execute("ALTER ROLE " + user + " PASSWORD '" + newPassword + "'");

        long tookMs = millisUntil(TWO_INTERVALS, id, source -> "UNREACHABLE".equals(state(source)));
        assertThat(tookMs).isLessThanOrEqualTo(TWO_INTERVALS.toMillis());
        assertThat(appeared(id, "connection.authentication")).isTrue();
        String body = readiness(id).prettify();
        assertThat(body).contains("Password authentication failed").doesNotContain(oldPassword).doesNotContain(newPassword);
    }
}
