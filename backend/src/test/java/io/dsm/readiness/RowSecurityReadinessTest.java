package io.dsm.readiness;

import static io.dsm.readiness.FullMigrationAnswers.fullMigrationFinding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.connection.ConnectionTestProfile;
import io.dsm.readiness.service.Finding;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Row-level security shows a user who is neither the table's owner nor BYPASSRLS only the rows its
 * policies allow, without an error: a copy as that user silently gets part of the table.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RowSecurityReadinessTest extends LogicalTargetTest {

    /** Ten accounts, half of them in the region a policy lets the migration user see; the superuser owns them. */
    private static String accountsOwnedByAnother(String name) {
        String database = target.database(name);
        target.server().executeIn(database, "CREATE TABLE app.accounts (id int PRIMARY KEY, region text)",
                "INSERT INTO app.accounts SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END FROM generate_series(1, 10) g",
                "GRANT SELECT ON app.accounts TO cdc", "ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY eu_only ON app.accounts FOR SELECT TO cdc USING (region = 'eu')");
        return database;
    }

    @Test
    void blocksFullMigrationOfATableWhoseRowsRowSecurityHidesFromTheUser() throws SQLException {
        String database = accountsOwnedByAnother("rlshidden");
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM app.accounts")).isEqualTo("10");
        assertThat(countAsCdc(database, "app.accounts")).isEqualTo(5);

        JsonPath result = inspect(database);
        Map<String, Object> finding = fullMigrationFinding(result, "tables.row_security", "BLOCKER");
        assertThat(objectNames(finding)).containsExactly("app.accounts");
        assertThat(objectDetails(finding)).containsExactly("owned by postgres; 1 policy decides which rows the user reads");
        assertThat((String) finding.get("hint")).contains("ALTER ROLE cdc BYPASSRLS");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(countAsCdc(database, "app.accounts")).isEqualTo(10);
        assertThat(found(inspect(database), "tables.row_security")).isFalse();
    }

    @Test
    void blocksTheOwnerTooWhenRowSecurityIsForced() throws SQLException {
        String database = target.database("rlsforced", "CREATE TABLE app.ledger (id int PRIMARY KEY, amount int)",
                "INSERT INTO app.ledger SELECT g, g FROM generate_series(1, 10) g",
                "ALTER TABLE app.ledger ENABLE ROW LEVEL SECURITY", "ALTER TABLE app.ledger FORCE ROW LEVEL SECURITY",
                "CREATE POLICY small ON app.ledger FOR SELECT USING (amount <= 3)");
        assertThat(target.server().queryIn(database, "SELECT relowner::regrole FROM pg_class WHERE oid = 'app.ledger'::regclass"))
                .isEqualTo("cdc");
        assertThat(countAsCdc(database, "app.ledger")).isEqualTo(3);

        Map<String, Object> finding = fullMigrationFinding(inspect(database), "tables.row_security", "BLOCKER");
        assertThat(objectDetails(finding)).containsExactly(
                "FORCE ROW LEVEL SECURITY filters its owner too; 1 policy decides which rows the user reads");
    }

    @Test
    void blocksAPartitionInAnotherSchemaWhoseRowSecurityHidesItsRows() throws SQLException {
        String database = target.database("rlsleaf");
        target.server().executeIn(database, "CREATE SCHEMA archive", "GRANT USAGE ON SCHEMA archive TO cdc",
                "CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE archive.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "INSERT INTO app.events VALUES (1, '2024-03-01'), (2, '2024-09-01')",
                "GRANT SELECT ON app.events, archive.events_2024 TO cdc", "ALTER TABLE archive.events_2024 ENABLE ROW LEVEL SECURITY");
        // Read through its root, the partition's own policies do not apply; read as a table of its own, they do.
        assertThat(countAsCdc(database, "app.events")).isEqualTo(2);
        assertThat(countAsCdc(database, "archive.events_2024")).isZero();

        Map<String, Object> finding = fullMigrationFinding(inspect(database), "tables.row_security", "BLOCKER");
        assertThat(objectNames(finding)).containsExactly("archive.events_2024");
        assertThat(objectDetails(finding)).containsExactly("owned by postgres; no policy lets the user read a row; partition of app.events");
    }

    @Test
    void passesTheTablesItsOwnerReadsWithoutForce() throws SQLException {
        String database = target.database("rlsowner", "CREATE TABLE app.notes (id int PRIMARY KEY)",
                "INSERT INTO app.notes SELECT generate_series(1, 10)", "ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY");
        assertThat(countAsCdc(database, "app.notes")).isEqualTo(10);

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.row_security")).isFalse();
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void passesRowSecurityForAUserWithBypassRls() throws SQLException {
        String database = accountsOwnedByAnother("rlsbypass");
        target.server().execute("ALTER ROLE cdc BYPASSRLS");
        try {
            assertThat(countAsCdc(database, "app.accounts")).isEqualTo(10);

            JsonPath result = inspect(database);
            assertThat(found(result, "tables.row_security")).isFalse();
            assertThat(passedMessage(result, "tables.row_security")).contains("BYPASSRLS");
            assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
        } finally {
            target.server().execute("ALTER ROLE cdc NOBYPASSRLS");
        }
    }

    @Test
    void itsFixRunsAsWrittenForMoreTablesThanTheFindingListsWhateverTheirNames() throws SQLException {
        String database = target.database("rlsmany");
        List<String> names = new ArrayList<>(FixSqlNamesTest.HOSTILE);
        for (int i = names.size(); i <= Finding.MAX_OBJECTS; i++) {
            names.add("accounts_" + i);
        }
        List<String> statements = new ArrayList<>();
        for (String name : names) {
            String table = "app." + SqlIdentifiers.quote(name);
            statements.addAll(List.of("CREATE TABLE " + table + " (id int)", "INSERT INTO " + table + " VALUES (1)",
                    "GRANT SELECT ON " + table + " TO cdc", "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY"));
        }
        target.server().executeIn(database, statements.toArray(String[]::new));
        String hostile = "app." + SqlIdentifiers.quote(FixSqlNamesTest.HOSTILE.get(0));
        assertThat(countAsCdc(database, hostile)).isZero();

        Map<String, Object> finding = fullMigrationFinding(inspect(database), "tables.row_security", "BLOCKER");
        assertThat(finding).containsEntry("objectCount", names.size());
        assertThat(objectDetails(finding)).first().isEqualTo("owned by postgres; no policy lets the user read a row");
        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(countAsCdc(database, hostile)).isEqualTo(1);
        assertThat(found(inspect(database), "tables.row_security")).isFalse();
    }

    private static long countAsCdc(String database, String table) throws SQLException {
        try (Connection cdc = target.asCdc(database); Statement statement = cdc.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
