package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Large objects are flagged only where the database has some: an oid column then points at content a
 * table copy leaves behind (the copied number names no object on the target); without any, oid
 * columns hold plain numbers.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class LargeObjectsReadinessTest extends LogicalTargetTest {

    @Test
    void warnsAboutOidColumnsWhenTheDatabaseHasLargeObjects() {
        String database = target.database("withlobs", "CREATE TABLE app.documents (id int PRIMARY KEY, scan oid)",
                "INSERT INTO app.documents VALUES (1, lo_from_bytea(0, 'scanned page'))");
        // A copy of the table carries the number only: on another database it names no large object.
        String scan = target.server().queryIn(database, "SELECT scan FROM app.documents");
        target.server().createDatabase("copied");
        assertThatThrownBy(() -> target.server().queryIn("copied", "SELECT lo_get(" + scan + ")"))
                .hasStackTraceContaining("does not exist");

        JsonPath result = test(target.source(database));
        Map<String, Object> finding = finding(result, "tables.large_objects");
        assertThat(finding).containsEntry("severity", "WARNING");
        assertThat(finding.get("scopes")).isEqualTo(List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"));
        assertThat(objectDetails(finding)).containsExactly("columns scan");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("WARNINGS");
    }

    @Test
    void passesOidColumnsWhenTheDatabaseHasNoLargeObjects() {
        String database = target.database("nolobs", "CREATE TABLE app.events (id int PRIMARY KEY, source_oid oid)",
                "INSERT INTO app.events VALUES (1, 16384)");
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM pg_largeobject_metadata")).isEqualTo("0");

        JsonPath result = test(target.source(database));
        assertThat(found(result, "tables.large_objects")).isFalse();
        assertThat(passedMessage(result, "tables.large_objects")).contains("plain numbers");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void mentionsLargeObjectsThatNoColumnInScopeReferences() {
        String database = target.database("strayobjects", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "SELECT lo_from_bytea(0, 'forgotten')");

        JsonPath result = test(target.source(database));
        assertThat(finding(result, "tables.large_objects")).containsEntry("severity", "INFO");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }
}
