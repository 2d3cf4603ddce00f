package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Generated columns copy whole but are not decoded: before PostgreSQL 18 pgoutput never sends them,
 * from 18 only a publication with publish_generated_columns = stored does. The server shows it in the
 * Relation messages pgoutput writes: the column is not among those it names.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class GeneratedColumnsReadinessTest extends LogicalTargetTest {

    private static final String GENERATED = "CREATE TABLE app.orders (id int PRIMARY KEY, net numeric, "
            + "total_with_tax numeric GENERATED ALWAYS AS (net * 1.2) STORED)";
    private static final String PUBLICATION = "CREATE PUBLICATION orders_pub FOR TABLE app.orders";

    /**
     * How many of the Relation messages pgoutput writes for an INSERT into app.orders name the column:
     * a column decoding carries is named in every one, a column it leaves out in none.
     */
    private static long relationMessagesNaming(String database, String column) {
        target.server().executeIn(database, "SELECT pg_create_logical_replication_slot('generated_probe', 'pgoutput')");
        try {
            // zonky runs with synchronous_commit off; decoding reads only WAL that is flushed.
            target.server().executeIn(database, "SET synchronous_commit = on",
                    "INSERT INTO app.orders (id, net) SELECT coalesce(max(id), 0) + 1, 100 FROM app.orders");
            return Long.parseLong(target.server().queryIn(database, "SELECT count(*) FROM pg_logical_slot_peek_binary_changes("
                    + "'generated_probe', NULL, NULL, 'proto_version', '1', 'publication_names', 'orders_pub') "
                    + "WHERE get_byte(data, 0) = ascii('R') AND position(convert_to('" + column + "', 'UTF8') IN data) > 0"));
        } finally {
            target.server().executeIn(database, "SELECT pg_drop_replication_slot('generated_probe')");
        }
    }

    @Test
    void warnsThatDecodingLeavesOutStoredGeneratedColumns() {
        String database = target.database("storedgenerated", GENERATED, PUBLICATION);
        assertThat(relationMessagesNaming(database, "net")).isEqualTo(1);
        assertThat(relationMessagesNaming(database, "total_with_tax")).isZero();

        Map<String, Object> finding = finding(inspect(database), "tables.generated_columns");
        assertThat(finding).containsEntry("severity", "WARNING");
        assertThat(finding.get("scopes")).isEqualTo(List.of("INCREMENTAL_SYNC"));
        assertThat(objectDetails(finding)).containsExactly("generated columns total_with_tax");
        assertThat((String) finding.get("message")).contains("1 table in scope has stored generated columns");
    }

    @Test
    void passesOnceTheColumnIsNoLongerGenerated() {
        assumeTrue(target.major() >= 13 && target.major() < 18, "DROP EXPRESSION is new in 13; 18 can publish the column");
        String database = target.database("droppedexpression", GENERATED, PUBLICATION,
                "ALTER TABLE app.orders ALTER COLUMN total_with_tax DROP EXPRESSION");
        assertThat(relationMessagesNaming(database, "total_with_tax")).isEqualTo(1);

        assertThat(found(inspect(database), "tables.generated_columns")).isFalse();
        assertThat(passedMessage(inspect(database), "tables.generated_columns")).isEqualTo("No table in scope has a generated column.");
    }

    @Test
    void passesAPlainColumnThatDecodingCarries() {
        String database = target.database("plaincolumn",
                "CREATE TABLE app.orders (id int PRIMARY KEY, net numeric, total_with_tax numeric)", PUBLICATION);
        assertThat(relationMessagesNaming(database, "total_with_tax")).isEqualTo(1);

        assertThat(found(inspect(database), "tables.generated_columns")).isFalse();
    }

    @Test
    void passesWhenThePublicationPublishesGeneratedColumns() {
        assumeTrue(target.major() >= 18, "publish_generated_columns is new in 18");
        String database = target.database("publishedgenerated", GENERATED, PUBLICATION);
        Map<String, Object> finding = finding(inspect(database), "tables.generated_columns");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER PUBLICATION orders_pub SET (publish_generated_columns = stored);");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(relationMessagesNaming(database, "total_with_tax")).isEqualTo(1);
        assertThat(found(inspect(database), "tables.generated_columns")).isFalse();
        assertThat(passedMessage(inspect(database), "tables.generated_columns"))
                .isEqualTo("The publications send the stored generated columns of 1 table in scope.");
    }

    @Test
    void suggestsCreatingThePublicationWithGeneratedColumnsWhileThereIsNone() {
        assumeTrue(target.major() >= 18, "publish_generated_columns is new in 18");
        String database = target.database("nopublicationyet", GENERATED);
        Map<String, Object> finding = finding(inspect(database), "tables.generated_columns");
        assertThat(finding).containsEntry("severity", "INFO");
        assertThat((String) finding.get("message")).contains("WITH (publish_generated_columns = stored)");

        // Created as the finding says, the publication carries the column.
        target.server().executeIn(database, PUBLICATION + " WITH (publish_generated_columns = stored)");
        assertThat(relationMessagesNaming(database, "total_with_tax")).isEqualTo(1);
        assertThat(found(inspect(database), "tables.generated_columns")).isFalse();
    }

    @Test
    void warnsThatVirtualGeneratedColumnsAreNeverSent() {
        assumeTrue(target.major() >= 18, "virtual generated columns are new in 18");
        String database = target.database("virtualgenerated", "CREATE TABLE app.orders (id int PRIMARY KEY, net numeric, "
                + "total_with_tax numeric GENERATED ALWAYS AS (net * 1.2) VIRTUAL)",
                PUBLICATION + " WITH (publish_generated_columns = stored)");
        assertThat(relationMessagesNaming(database, "total_with_tax")).isZero();

        Map<String, Object> finding = finding(inspect(database), "tables.generated_columns");
        assertThat(finding).containsEntry("severity", "WARNING");
        assertThat(objectDetails(finding)).containsExactly("virtual generated columns total_with_tax");
    }
}
