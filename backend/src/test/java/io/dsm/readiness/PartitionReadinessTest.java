package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Partitions of tables in scope that live in another schema than their root: decoding and copying
 * read them like any other table, so dsm checks them wherever they are. The server shows each
 * failure: the unlogged partition's INSERT never reaches test_decoding, the unreadable one refuses
 * SELECT.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class PartitionReadinessTest extends LogicalTargetTest {

    private static String partitioned(String name, String leafPersistence) {
        return target.database(name, "CREATE TABLE app.measures (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE SCHEMA parts", "CREATE " + leafPersistence + " TABLE parts.measures_2026 PARTITION OF app.measures "
                        + "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
    }

    /** The changes decoding sees of an INSERT into the root, whose row lands in the leaf. */
    private static String decodedInsert(String database) {
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('leaf_probe', 'test_decoding')");
        try {
            // zonky runs with synchronous_commit off; decoding reads only WAL that is flushed.
            target.server().executeIn(database, "SET synchronous_commit = on",
                    "INSERT INTO app.measures SELECT coalesce(max(id), 0) + 1, '2026-05-01' FROM app.measures");
            return target.server().queryIn(database, "SELECT coalesce(string_agg(data, ' | '), '') "
                    + "FROM pg_logical_slot_peek_changes('leaf_probe', NULL, NULL) WHERE data LIKE 'table%'");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot('leaf_probe')");
        }
    }

    @Test
    void blocksAnUnloggedPartitionInAnotherSchema() {
        String database = partitioned("unloggedleaf", "UNLOGGED");
        assertThat(decodedInsert(database)).isEmpty();

        Map<String, Object> finding = finding(inspect(database), "tables.unlogged");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("fixSql", "ALTER TABLE parts.measures_2026 SET LOGGED;");
        assertThat(objectDetails(finding)).containsExactly("partition of app.measures");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(decodedInsert(database)).contains("table parts.measures_2026: INSERT");
        assertThat(found(inspect(database), "tables.unlogged")).isFalse();
    }

    @Test
    void passesALoggedPartitionInAnotherSchema() {
        String database = partitioned("loggedleaf", "");
        assertThat(decodedInsert(database)).contains("table parts.measures_2026: INSERT");

        assertThat(found(inspect(database), "tables.unlogged")).isFalse();
    }

    @Test
    void blocksALeafPartitionInAnotherSchemaTheUserCannotRead() {
        String database = target.database("hiddenleaf",
                "CREATE TABLE app.measures (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)");
        // The partition belongs to another role, in a schema cdc may use but whose tables it was never granted.
        target.server().executeIn(database, "CREATE SCHEMA parts", "GRANT USAGE ON SCHEMA parts TO cdc",
                "CREATE TABLE parts.measures_2026 PARTITION OF app.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM parts.measures_2026"))
                .hasMessageStartingWith("42501");

        Map<String, Object> finding = finding(inspect(database), "role.select");
        assertThat(objectNames(finding)).containsExactly("parts.measures_2026");
        assertThat(objectDetails(finding)).containsExactly("partition of app.measures");
        assertThat(finding.get("scopes")).isEqualTo(List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"));

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        FixSql.runAsCdc(target, database, "SELECT * FROM parts.measures_2026");
        assertThat(found(inspect(database), "role.select")).isFalse();
    }

    @Test
    void passesLeavesTheUserCanRead() {
        String database = partitioned("readableleaf", "");
        FixSql.runAsCdc(target, database, "SELECT * FROM parts.measures_2026");

        assertThat(found(inspect(database), "role.select")).isFalse();
    }
}
