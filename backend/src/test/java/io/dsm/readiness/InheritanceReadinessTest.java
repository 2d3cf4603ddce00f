package io.dsm.readiness;

import static io.dsm.readiness.FullMigrationAnswers.fullMigrationFinding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A legacy inheritance parent (INHERITS) returns its children's rows in a plain SELECT: a copy of the
 * parent and of the children copies them twice. Declarative partitions are the tables' own business.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class InheritanceReadinessTest extends LogicalTargetTest {

    @Test
    void warnsThatAPlainSelectOfAnInheritanceParentReturnsItsChildrensRows() {
        String database = target.database("inherits", "CREATE TABLE app.measures (id int, at date)",
                "CREATE TABLE app.measures_2024 () INHERITS (app.measures)",
                "CREATE TABLE app.measures_2025 () INHERITS (app.measures)",
                "INSERT INTO app.measures VALUES (1, '2023-06-01')",
                "INSERT INTO app.measures_2024 VALUES (2, '2024-06-01')", "INSERT INTO app.measures_2025 VALUES (3, '2025-06-01')");
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM app.measures")).isEqualTo("3");
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM ONLY app.measures")).isEqualTo("1");

        JsonPath result = inspect(database);
        Map<String, Object> finding = fullMigrationFinding(result, "tables.inheritance", "WARNING");
        assertThat(objectNames(finding)).containsExactly("app.measures");
        assertThat(objectDetails(finding)).containsExactly("2 child tables: app.measures_2024, app.measures_2025");
    }

    @Test
    void passesAPartitionedTableWhoseLeavesAreNotLegacyChildren() {
        String database = target.database("partitions", "CREATE TABLE app.readings (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE app.readings_2024 PARTITION OF app.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "INSERT INTO app.readings VALUES (1, '2024-06-01')");
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM app.readings_2024")).isEqualTo("1");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.inheritance")).isFalse();
        assertThat(passedMessage(result, "tables.inheritance")).isEqualTo("No table in scope has inheritance children.");
    }
}
