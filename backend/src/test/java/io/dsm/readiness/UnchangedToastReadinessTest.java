package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An UPDATE that leaves a TOASTed value unchanged is decoded without it unless the table has REPLICA
 * IDENTITY FULL, which logs the old row whole. test_decoding shows both: 'unchanged-toast-datum' in
 * the new tuple, and under FULL the value in the old key.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class UnchangedToastReadinessTest extends LogicalTargetTest {

    /** 100 kB of md5 hex: pglz cannot shrink it below the TOAST threshold, so it is stored out of line. */
    private static final String DOCUMENT = "CREATE TABLE app.documents (id int PRIMARY KEY, title text, body text)";
    private static final String BODY = "INSERT INTO app.documents SELECT 1, 'draft', string_agg(md5(i::text), '') "
            + "FROM generate_series(1, 3200) i";

    /** The documents table with a TOASTed body, vacuumed as autovacuum would, which records the TOAST relation's pages. */
    private static String documents(String name, String... more) {
        String database = target.database(name, DOCUMENT, BODY);
        target.server().executeIn(database, more);
        target.server().executeIn(database, "VACUUM app.documents");
        assertThat(target.server().queryIn(database, "SELECT t.relpages > 0 FROM pg_class c JOIN pg_class t "
                + "ON t.oid = c.reltoastrelid WHERE c.oid = 'app.documents'::regclass")).isEqualTo("t");
        return database;
    }

    /** What test_decoding prints for an UPDATE of the title only. */
    private static String decodedTitleUpdate(String database) {
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('toast_probe', 'test_decoding')");
        try {
            // zonky runs with synchronous_commit off; decoding reads only WAL that is flushed.
            target.server().executeIn(database, "SET synchronous_commit = on", "UPDATE app.documents SET title = 'final'");
            return target.server().queryIn(database, "SELECT coalesce(string_agg(data, ' | '), '') "
                    + "FROM pg_logical_slot_peek_changes('toast_probe', NULL, NULL) WHERE data LIKE 'table%'");
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot('toast_probe')");
        }
    }

    private static String bodyStart(String database) {
        return target.server().queryIn(database, "SELECT left(body, 64) FROM app.documents");
    }

    @Test
    void mentionsTablesWhoseUnchangedToastedValuesDecodingLeavesOut() {
        String database = documents("unchangedtoast");
        String decoded = decodedTitleUpdate(database);
        assertThat(decoded).contains("body[text]:unchanged-toast-datum").doesNotContain(bodyStart(database));

        Map<String, Object> finding = finding(inspect(database), "tables.unchanged_toast");
        assertThat(finding).containsEntry("severity", "INFO")
                .containsEntry("fixSql", "ALTER TABLE app.documents REPLICA IDENTITY FULL;");
        assertThat(objectNames(finding)).containsExactly("app.documents");
        assertThat((String) finding.get("message")).contains("every UPDATE and DELETE on the table then logs the whole old row");
        assertThat(state(inspect(database), "INCREMENTAL_SYNC")).isNotEqualTo("BLOCKED");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(decodedTitleUpdate(database)).contains("old-key:").contains(bodyStart(database));
        assertThat(found(inspect(database), "tables.unchanged_toast")).isFalse();
    }

    @Test
    void passesThemWithReplicaIdentityFull() {
        String database = documents("fulltoast", "ALTER TABLE app.documents REPLICA IDENTITY FULL");
        assertThat(decodedTitleUpdate(database)).contains("old-key:").contains(bodyStart(database));

        assertThat(found(inspect(database), "tables.unchanged_toast")).isFalse();
        assertThat(passedMessage(inspect(database), "tables.unchanged_toast")).startsWith("No table in scope has TOASTed values");
    }
}
