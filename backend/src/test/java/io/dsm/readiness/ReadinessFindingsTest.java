package io.dsm.readiness;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.findings;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passed;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Each problem that breaks incremental sync, created on a real logical-decoding PostgreSQL, found
 * by the connection test with the objects it concerns and a fix that really fixes it.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ReadinessFindingsTest extends ApiTest {

    static LogicalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static JsonPath testDatabase(String database) {
        return test(target.source(database));
    }

    @Test
    void reportsBothScopesReadyWhenNothingIsMissing() {
        JsonPath result = testDatabase(target.database("ready", "CREATE TABLE app.orders (id int PRIMARY KEY, total numeric)"));
        assertThat(result.getBoolean("success")).isTrue();
        // PostgreSQL 12 cannot bound the WAL a slot keeps: worth knowing, nothing to fix.
        boolean bounded = target.major() >= 13;
        assertThat(findings(result)).map(f -> f.get("check"))
                .containsExactlyElementsOf(bounded ? List.of() : List.of("server.max_slot_wal_keep_size"));
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("READY");
        assertThat(result.getString("readiness.verdicts[1].summary")).isEqualTo("Incremental sync: ready");
        assertThat(passed(result)).containsAll(List.of("server.version", "server.wal_level", "server.replication_slots",
                "server.wal_senders", "replication.connection", "slots.inactive",
                "publications.coverage", "role.replication", "role.publication", "role.select", "tables.replica_identity",
                "tables.replica_identity_index", "tables.unlogged", "tables.partitioned", "tables.large_objects",
                "tables.sequences", "server.recovery", "server.standby_reads", "slots.creation", "role.read_only",
                "role.connection_limit", "role.timeouts", "role.password_expiry"));
        assertThat(passed(result).contains("server.max_slot_wal_keep_size")).isEqualTo(bounded);
        assertThat(ReadinessAnswers.passedMessage(result, "replication.connection")).contains("CREATE_REPLICATION_SLOT");
        assertThat(ReadinessAnswers.passedMessage(result, "slots.creation"))
                .startsWith("The server created a temporary logical slot for dsm at WAL ");
        assertThat(check(result, "PRIMARY", "REPLICATION")).containsEntry("status", "PASSED");
    }

    @Test
    void blocksIncrementalSyncOnATableWithoutReplicaIdentityButNotFullMigration() {
        JsonPath result = testDatabase(target.database("noidentity", "CREATE TABLE app.events (at timestamptz, body text)",
                "CREATE TABLE app.orders (id int PRIMARY KEY)"));
        Map<String, Object> finding = finding(result, "tables.replica_identity");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("objectCount", 1)
                .containsEntry("fixSql", "ALTER TABLE app.events REPLICA IDENTITY FULL;");
        assertThat(finding.get("scopes")).isEqualTo(List.of("INCREMENTAL_SYNC"));
        assertThat(objectNames(finding)).containsExactly("app.events");
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
        assertThat(check(result, "PRIMARY", "REPLICATION")).containsEntry("status", "WARNING");
        assertThat(check(result, "PRIMARY", "REPLICATION").get("message")).contains("tables.replica_identity");
    }

    @Test
    void saysUpdatesAlreadyFailOnATableWithoutIdentityThatIsPublished() {
        String database = target.database("published", "CREATE TABLE app.events (at timestamptz, body text)");
        target.server().executeIn(database, "CREATE PUBLICATION everything FOR ALL TABLES",
                "INSERT INTO app.events VALUES (now(), 'x')");
        // The premise, on the real server: such a table refuses UPDATE once a publication publishes updates.
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.events SET body = 'y'"))
                .hasStackTraceContaining("does not have a replica identity");
        assertThat(objectDetails(finding(testDatabase(database), "tables.replica_identity")))
                .containsExactly("published by everything, so UPDATE and DELETE on it fail now");
    }

    @Test
    void fixesEveryTableWithOneStatementWhenThereAreMoreThanItLists() {
        String[] tables = new String[60];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = "CREATE TABLE app.t" + i + " (v text)";
        }
        String database = target.database("many", tables);
        Map<String, Object> finding = finding(testDatabase(database), "tables.replica_identity");
        assertThat(finding).containsEntry("objectCount", 60);
        assertThat(objectNames(finding)).hasSize(50).startsWith("app.t0", "app.t1", "app.t10");
        assertThat((String) finding.get("fixSql")).startsWith("DO $$");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        assertThat(found(testDatabase(database), "tables.replica_identity")).isFalse();
    }

    @Test
    void blocksAnUnloggedTableAndItsFixMakesItLogged() {
        String database = target.database("unlogged", "CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY, v text)");
        Map<String, Object> finding = finding(testDatabase(database), "tables.unlogged");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("fixSql", "ALTER TABLE app.cache SET LOGGED;");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        assertThat(found(testDatabase(database), "tables.unlogged")).isFalse();
    }

    @Test
    void blocksAReplicaIdentityIndexThatIsNotValid() {
        String database = target.database("badindex", "CREATE TABLE app.accounts (email text NOT NULL, name text)",
                "CREATE UNIQUE INDEX accounts_email ON app.accounts (email)",
                "ALTER TABLE app.accounts REPLICA IDENTITY USING INDEX accounts_email");
        assertThat(found(testDatabase(database), "tables.replica_identity_index")).isFalse();
        // What a failed CREATE INDEX CONCURRENTLY leaves behind.
        target.server().executeIn(database, "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'app.accounts_email'::regclass");
        Map<String, Object> finding = finding(testDatabase(database), "tables.replica_identity_index");
        assertThat(objectDetails(finding)).containsExactly("index accounts_email is not valid");
        assertThat(finding).containsEntry("fixSql", "ALTER TABLE app.accounts REPLICA IDENTITY FULL;");
    }

    @Test
    void warnsWhenOnlyOneSlotIsFreeAndNamesTheInactiveSlotsThatRetainWal() {
        String database = target.database("slots", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().createDatabase("otherdb");
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('old_airbyte', 'pgoutput')",
                "SELECT pg_create_logical_replication_slot('old_debezium', 'pgoutput')");
        target.server().executeIn("otherdb", "SELECT pg_create_logical_replication_slot('elsewhere', 'pgoutput')");
        try {
            target.server().executeIn(database, "INSERT INTO app.orders SELECT generate_series(1, 5000)");
            JsonPath result = testDatabase(database);
            Map<String, Object> slots = finding(result, "server.replication_slots");
            assertThat(slots).containsEntry("severity", "WARNING");
            assertThat((String) slots.get("message")).startsWith("Only 1 of 4 replication slots is free");
            assertThat(objectNames(slots)).containsExactlyInAnyOrder("old_airbyte", "old_debezium", "elsewhere");

            Map<String, Object> inactive = finding(result, "slots.inactive");
            assertThat(objectNames(inactive)).containsExactlyInAnyOrder("old_airbyte", "old_debezium");
            String since = target.major() >= 17 ? " since \\d{4}-\\d\\d-\\d\\d" : "";
            String walStatus = target.major() >= 13 ? ", wal_status reserved" : "";
            assertThat(objectDetails(inactive))
                    .allMatch(detail -> detail.matches("inactive" + since + ", retains [0-9.]+ (kB|MB) of WAL" + walStatus));
            assertThat((String) inactive.get("fixSql")).contains("SELECT pg_drop_replication_slot('old_airbyte');");
            assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("WARNINGS");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots");
        }
    }

    @Test
    void warnsAboutAnotherConsumersLostSlotWithoutBlockingANewProject() {
        assumeTrue(target.major() >= 13, "PostgreSQL 13 brought max_slot_wal_keep_size and wal_status");
        String database = target.database("lostslot", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'", "SELECT pg_reload_conf()");
        try {
            target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('gone_consumer', 'pgoutput')");
            for (int i = 0; i < 10 && !"lost".equals(walStatus(database, "gone_consumer")); i++) {
                target.server().executeIn(database, "INSERT INTO app.orders SELECT coalesce(max(id), 0) + 1 FROM app.orders",
                        "SELECT pg_switch_wal()", "CHECKPOINT");
            }
            assertThat(walStatus(database, "gone_consumer")).isEqualTo("lost");
            // The premise, on the server: the old consumer can never read again, yet a new project's slot is created.
            assertThatThrownBy(() -> target.server().executeIn(database,
                    "SELECT * FROM pg_logical_slot_peek_changes('gone_consumer', NULL, NULL)"))
                    .hasStackTraceContaining("replication slot \"gone_consumer\"");
            target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('new_project', 'pgoutput')",
                    "SELECT pg_drop_replication_slot('new_project')");

            JsonPath result = testDatabase(database);
            Map<String, Object> finding = finding(result, "slots.wal_retention");
            assertThat(finding).containsEntry("severity", "WARNING")
                    .containsEntry("fixSql", "SELECT pg_drop_replication_slot('gone_consumer');");
            assertThat(objectNames(finding)).containsExactly("gone_consumer");
            assertThat((String) finding.get("message")).startsWith("1 replication slot has lost WAL its consumer still needs "
                    + "(wal_status lost): that consumer must start over from a new snapshot. This does not stop a new project");
            assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("WARNINGS");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots");
            target.server().execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1GB'", "SELECT pg_reload_conf()");
        }
    }

    @Test
    void passesSlotsThatKeepTheirWalWithinBounds() {
        String database = target.database("boundedslot", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('paused_consumer', 'pgoutput')");
        try {
            assertThat(ReadinessAnswers.passedMessage(testDatabase(database), "slots.wal_retention"))
                    .startsWith("Every slot of this database keeps its WAL within bounds");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot('paused_consumer')");
        }
    }

    private static String walStatus(String database, String slot) {
        return target.server().queryIn(database, "SELECT wal_status FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
    }

    @Test
    void blocksWhenNoReplicationSlotIsFree() {
        String database = target.database("noslot", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('s' || g, 'pgoutput') FROM generate_series(1, 4) g");
        try {
            JsonPath result = testDatabase(database);
            assertThat(finding(result, "server.replication_slots")).containsEntry("severity", "BLOCKER");
            assertThat((String) finding(result, "server.replication_slots").get("message")).startsWith("All 4 replication slots are taken");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots");
        }
    }

    @Test
    void listsTheTablesAPublicationLeavesOutAndItsFixAddsThem() {
        String database = target.database("coverage", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE TABLE app.customers (id int PRIMARY KEY)", "CREATE TABLE app.invoices (id int PRIMARY KEY)",
                "CREATE PUBLICATION orders_only FOR TABLE app.orders");
        Map<String, Object> finding = finding(testDatabase(database), "publications.coverage");
        assertThat(finding).containsEntry("severity", "WARNING").containsEntry("objectCount", 2)
                .containsEntry("fixSql", "ALTER PUBLICATION orders_only ADD TABLE app.customers, app.invoices;");
        assertThat((String) finding.get("message")).contains("\"orders_only\" leaves out 2 of the 3 tables in scope");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        JsonPath fixed = testDatabase(database);
        assertThat(found(fixed, "publications.coverage")).isFalse();
        assertThat(ReadinessAnswers.passedMessage(fixed, "role.publication")).contains("orders_only");
    }

    @Test
    void warnsAboutAPublicationThatLeavesOutDeletes() {
        String database = target.database("operations", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE PUBLICATION no_deletes FOR TABLE app.orders WITH (publish = 'insert, update')");
        Map<String, Object> finding = finding(testDatabase(database), "publications.operations");
        assertThat((String) finding.get("message")).contains("does not publish delete, truncate");
        assertThat(finding).containsEntry("fixSql",
                "ALTER PUBLICATION no_deletes SET (publish = 'insert, update, delete, truncate');");
    }

    @Test
    void warnsAboutPartitionedTablesPublishedByPartition() {
        assumeTrue(target.major() >= 13, "PostgreSQL 13 brought publish_via_partition_root");
        String database = target.database("partitions",
                "CREATE TABLE app.measures (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE TABLE app.measures_2026 PARTITION OF app.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        assertThat(finding(testDatabase(database), "tables.partitioned")).containsEntry("severity", "INFO");

        target.server().executeIn(database, "CREATE PUBLICATION by_partition FOR TABLE app.measures");
        Map<String, Object> finding = finding(testDatabase(database), "tables.partitioned");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER PUBLICATION by_partition SET (publish_via_partition_root = true);");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        assertThat(found(testDatabase(database), "tables.partitioned")).isFalse();
    }

    @Test
    void warnsBothScopesAboutLargeObjectColumns() {
        JsonPath result = testDatabase(target.database("lobs", "CREATE TABLE app.documents (id int PRIMARY KEY, scan oid)",
                "SELECT lo_from_bytea(0, 'scanned')"));
        Map<String, Object> finding = finding(result, "tables.large_objects");
        assertThat(finding.get("scopes")).isEqualTo(List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"));
        assertThat(objectDetails(finding)).containsExactly("columns scan");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("WARNINGS");
    }

    @Test
    void mentionsSequencesWithoutChangingTheVerdict() {
        JsonPath result = testDatabase(target.database("sequences", "CREATE TABLE app.orders (id serial PRIMARY KEY)"));
        Map<String, Object> finding = finding(result, "tables.sequences");
        assertThat(finding).containsEntry("severity", "INFO");
        assertThat(objectNames(finding)).containsExactly("app.orders_id_seq");
        assertThat((String) finding.get("fixSql")).contains("setval").contains("schemaname IN ('app')");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("READY");
    }

    @Test
    void blocksBothScopesWhenTheUserCannotReadEveryTable() {
        String database = target.database("unreadable", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "CREATE TABLE app.payroll (id int PRIMARY KEY)");
        JsonPath result = testDatabase(database);
        Map<String, Object> finding = finding(result, "role.select");
        assertThat(objectNames(finding)).containsExactly("app.payroll");
        assertThat(finding.get("scopes")).isEqualTo(List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"));
        assertThat((String) finding.get("fixSql")).contains("GRANT SELECT ON ALL TABLES IN SCHEMA app TO cdc;");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("BLOCKED");
    }

    @Test
    void asksTheOwnerToCreateThePublicationWhenTheUserOwnsNotEveryTable() {
        String database = target.database("notowner", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "CREATE TABLE app.legacy (id int PRIMARY KEY)", "GRANT SELECT ON app.legacy TO cdc");
        Map<String, Object> finding = finding(testDatabase(database), "role.publication");
        assertThat(objectNames(finding)).containsExactly("app.legacy");
        assertThat((String) finding.get("fixSql")).contains("CREATE PUBLICATION dsm_migration FOR TABLE");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        JsonPath fixed = testDatabase(database);
        assertThat(found(fixed, "role.publication")).isFalse();
        assertThat(ReadinessAnswers.passedMessage(fixed, "publications.coverage")).contains("dsm_migration");
    }

    @Test
    void asksForCreateOnTheDatabaseWhenTheUserOwnsItsTables() {
        String database = target.database("nocreate", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "REVOKE CREATE ON DATABASE nocreate FROM cdc");
        Map<String, Object> finding = finding(testDatabase(database), "role.publication");
        assertThat(finding).containsEntry("fixSql", "GRANT CREATE ON DATABASE nocreate TO cdc;");
    }

    @Test
    void warnsWhenAPublicationLeavesOutTheHeartbeatTable() {
        String database = target.database("heartbeatpub", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE PUBLICATION orders_only FOR TABLE app.orders");
        target.server().executeIn(database, "GRANT CREATE ON SCHEMA public TO cdc");
        DataSourceBody source = target.source(database).heartbeat(true);
        Map<String, Object> finding = finding(test(source), "publications.heartbeat_table");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER PUBLICATION orders_only ADD TABLE public.oms_postgres_heartbeat;");
    }

    @Test
    void warnsThatAnAbandonedSlotCanFillTheDiskWhileSlotWalIsUnbounded() {
        assumeTrue(target.major() >= 13, "PostgreSQL 13 brought max_slot_wal_keep_size");
        target.server().execute("ALTER SYSTEM SET max_slot_wal_keep_size = -1", "SELECT pg_reload_conf()");
        try {
            Map<String, Object> finding = finding(testDatabase(target.database("unbounded",
                    "CREATE TABLE app.orders (id int PRIMARY KEY)")), "server.max_slot_wal_keep_size");
            assertThat(finding).containsEntry("severity", "WARNING");
            assertThat((String) finding.get("fixSql")).startsWith("ALTER SYSTEM SET max_slot_wal_keep_size");
        } finally {
            target.server().execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1GB'", "SELECT pg_reload_conf()");
        }
    }
}
