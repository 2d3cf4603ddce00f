package io.dsm.readiness;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.passed;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static io.dsm.readiness.ReadinessAnswers.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Who may replicate, and the real replication connection that proves it: what the server says,
 * what it is never asked, and what is never created on it.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ReplicationReadinessTest extends ApiTest {

    static LogicalTarget target;
    static String database;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        database = target.database("shop", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "GRANT USAGE ON SCHEMA app TO PUBLIC", "GRANT SELECT ON app.orders TO PUBLIC");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static DataSourceBody as(String user, String password) {
        target.server().execute("SET password_encryption = 'scram-sha-256'",
                "DO $$ BEGIN CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DataSourceBody source = target.source(database).username(user).password(password);
        return source;
    }

    @Test
    void provesTheServerAcceptsAReplicationConnectionFromThisUser() {
        JsonPath result = test(target.source(database));
        assertThat(passedMessage(result, "replication.connection")).isEqualTo("The server accepted a logical replication "
                + "connection from dsm, and answered its CREATE_REPLICATION_SLOT of a temporary slot (slots.creation tells "
                + "what came of it).");
        assertThat(passedMessage(result, "slots.creation")).matches("The server created a temporary logical slot for dsm at "
                + "WAL [0-9A-F]+/[0-9A-F]+ in \\d+ ms, and dropped it when dsm disconnected: .*");
    }

    @Test
    void blocksAUserWithoutReplicationAndNeverAsksTheServerForAWalSender() {
        long refusalsBefore = target.logLines("must be superuser or replication role");
        JsonPath result = test(as("reader_only", "pw-Reader-only-1"));
        Map<String, Object> finding = finding(result, "role.replication");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("fixSql", "ALTER ROLE reader_only REPLICATION;");
        assertThat(found(result, "replication.connection")).isFalse();
        assertThat(passed(result)).doesNotContain("replication.connection");
        assertThat(target.logLines("must be superuser or replication role")).isEqualTo(refusalsBefore);
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "REPLICATION")).containsEntry("status", "WARNING");
    }

    @Test
    void doesNotCountReplicationInheritedFromARole() {
        target.server().execute("DO $$ BEGIN CREATE ROLE replicators NOLOGIN REPLICATION; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DataSourceBody source = as("inheritor", "pw-Inheritor-2");
        target.server().execute("GRANT replicators TO inheritor");
        assertThat(finding(test(source), "role.replication")).containsEntry("severity", "BLOCKER");
    }

    @Test
    void countsMembershipOfAmazonRdsReplicationRole() {
        target.server().execute("DO $$ BEGIN CREATE ROLE rds_replication NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DataSourceBody source = as("rds_user", "pw-Rds-user-3");
        target.server().execute("GRANT rds_replication TO rds_user");
        assertThat(passedMessage(test(source), "role.replication")).contains("member of rds_replication");
    }

    @Test
    void sendsThePasswordOnlyOnceWhenItIsWrong() {
        long before = target.logLines("password authentication failed for user \"cdc\"");
        DataSourceBody source = target.source(database).password("pw-Wrong-For-Cdc-9");
        JsonPath result = test(source);
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "FAILED");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
        assertThat((String) verdict(result, "FULL_MIGRATION").get("summary"))
                .isEqualTo("Full migration: blocked, the AUTHENTICATION check failed");
        assertThat(target.logLines("password authentication failed for user \"cdc\"")).isEqualTo(before + 1);
    }

    @Test
    void opensTheSessionAndOneReplicationConnectionBesideIt() throws Exception {
        try (Sockets.CountingRelay relay = new Sockets.CountingRelay(target.port())) {
            DataSourceBody source = target.source(database).port(relay.port());
            assertThat(passed(test(source))).contains("replication.connection");
            assertThat(relay.accepted()).isEqualTo(2);
        }
    }

    @Test
    void blocksWhenAPoolerInFrontOfTheServerRefusesReplicationConnections() throws Exception {
        try (Sockets.PoolerLikeProxy pooler = new Sockets.PoolerLikeProxy(target.port())) {
            DataSourceBody source = target.source(database).port(pooler.port());
            JsonPath result = test(source);
            assertThat(result.getBoolean("success")).isTrue();
            Map<String, Object> finding = finding(result, "replication.connection");
            assertThat(finding).containsEntry("severity", "BLOCKER");
            assertThat((String) finding.get("message"))
                    .isEqualTo("The server refused a logical replication connection from dsm: unsupported startup parameter: "
                            + "replication (SQLSTATE 08P01).");
            assertThat((String) finding.get("hint")).contains("PgBouncer");
        }
    }

    @Test
    void blocksWhenEveryWalSenderIsBusy() throws SQLException {
        List<Connection> walSenders = new ArrayList<>();
        try {
            for (int i = 0; i < LogicalTarget.MAX_WAL_SENDERS; i++) {
                walSenders.add(target.server().replicationConnectionAs(database, "postgres", ""));
            }
            JsonPath result = test(target.source(database));
            assertThat(finding(result, "server.wal_senders")).containsEntry("severity", "BLOCKER");
            // The refused replication connection says the same; it is told once.
            assertThat(found(result, "replication.connection")).isFalse();
        } finally {
            for (Connection connection : walSenders) {
                connection.close();
            }
        }
    }

    @Test
    void leavesNoSlotOrPublicationBehind() throws InterruptedException {
        String before = target.server().queryIn(database,
                "SELECT (SELECT count(*) FROM pg_replication_slots) || '/' || (SELECT count(*) FROM pg_publication)");
        test(target.source(database));
        test(as("reader_only", "pw-Reader-only-1"));
        // The probe's temporary slot goes with its WAL sender, which exits a moment after dsm disconnects.
        long deadline = System.nanoTime() + 1_000_000_000L;
        String after;
        do {
            Thread.sleep(20);
            after = target.server().queryIn(database,
                    "SELECT (SELECT count(*) FROM pg_replication_slots) || '/' || (SELECT count(*) FROM pg_publication)");
        } while (!after.equals(before) && System.nanoTime() < deadline);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void keepsTheConnectionChecksAsTheyWereWhateverReadinessFinds() {
        JsonPath result = test(as("reader_only", "pw-Reader-only-1"));
        assertThat(statuses(result)).containsExactly("PRIMARY NETWORK PASSED", "PRIMARY AUTHENTICATION PASSED",
                "PRIMARY DATABASE PASSED", "PRIMARY SCHEMA PASSED", "PRIMARY ROLE PASSED", "PRIMARY REPLICATION WARNING");
        assertThat(result.getBoolean("success")).isTrue();
    }
}
