package io.dsm.readiness;

import static io.dsm.readiness.FullMigrationAnswers.fullMigrationFinding;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A materialized view created WITH NO DATA cannot be read until it is refreshed: a copy stops at it. */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class MaterializedViewReadinessTest extends LogicalTargetTest {

    private static String unpopulated(String name) {
        return target.database(name, "CREATE TABLE app.orders (id int PRIMARY KEY, total numeric)",
                "INSERT INTO app.orders VALUES (1, 10), (2, 20)",
                "CREATE MATERIALIZED VIEW app.\"Daily totals\" AS SELECT sum(total) AS total FROM app.orders WITH NO DATA");
    }

    @Test
    void blocksAMaterializedViewThatWasNeverPopulated() {
        String database = unpopulated("mvempty");
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.\"Daily totals\""))
                .hasMessageContaining("55000").hasMessageContaining("has not been populated");

        JsonPath result = inspect(database);
        Map<String, Object> finding = fullMigrationFinding(result, "tables.materialized_views", "BLOCKER");
        assertThat(objectNames(finding)).containsExactly("app.\"Daily totals\"");
        assertThat(finding).containsEntry("fixSql", "REFRESH MATERIALIZED VIEW app.\"Daily totals\";");
    }

    @Test
    void passesItOnceItsFixRefreshesIt() {
        String database = unpopulated("mvrefreshed");
        FixSql.runAsPsqlWould(target, database, (String) finding(inspect(database), "tables.materialized_views").get("fixSql"));
        FixSql.runAsCdc(target, database, "SELECT * FROM app.\"Daily totals\"");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.materialized_views")).isFalse();
        assertThat(passedMessage(result, "tables.materialized_views")).contains("No materialized view");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }
}
