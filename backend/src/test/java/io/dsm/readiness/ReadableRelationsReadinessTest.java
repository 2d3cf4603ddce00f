package io.dsm.readiness;

import static io.dsm.readiness.FullMigrationAnswers.fullMigrationFinding;
import static io.dsm.readiness.ReadinessAnswers.findings;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Views and foreign tables whose SELECT fails although the user may read them: the catalog cannot
 * tell, so the server is asked within the test's own round trip.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ReadableRelationsReadinessTest extends LogicalTargetTest {

    /** A table of the superuser's, and a view of it owned by {@code owner}: the migration user may read both. */
    private static String viewOwnedBy(String name, String owner) {
        String database = target.database(name);
        target.server().executeIn(database, "CREATE ROLE " + owner, "GRANT USAGE ON SCHEMA app TO " + owner,
                "CREATE TABLE app.orders (id int PRIMARY KEY)", "GRANT SELECT ON app.orders TO cdc, " + owner,
                "CREATE VIEW app.order_report AS SELECT * FROM app.orders", "ALTER VIEW app.order_report OWNER TO " + owner,
                "GRANT SELECT ON app.order_report TO cdc");
        return database;
    }

    /** A foreign table of another database of the target, through postgres_fdw on the given port. */
    private static String foreignTable(String name, int port) {
        String database = target.database(name);
        target.server().executeIn(database, "CREATE EXTENSION postgres_fdw",
                "CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '" + port
                        + "', dbname '" + name + "')",
                "CREATE USER MAPPING FOR cdc SERVER remote OPTIONS (user 'cdc', password '" + LogicalTarget.CDC_PASSWORD + "')",
                "CREATE TABLE app.stock (id int PRIMARY KEY)", "GRANT SELECT ON app.stock TO cdc",
                "CREATE FOREIGN TABLE app.remote_stock (id int) SERVER remote OPTIONS (schema_name 'app', table_name 'stock')",
                "GRANT SELECT ON app.remote_stock TO cdc");
        return database;
    }

    @Test
    void blocksAViewWhoseOwnerCannotReadItsTable() {
        String database = viewOwnedBy("viewlost", "report_owner_lost");
        target.server().executeIn(database, "REVOKE SELECT ON app.orders FROM report_owner_lost");
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.order_report"))
                .hasMessageContaining("42501").hasMessageContaining("permission denied for table orders");

        JsonPath result = inspect(database);
        Map<String, Object> finding = fullMigrationFinding(result, "tables.readable", "BLOCKER");
        assertThat(objectNames(finding)).containsExactly("app.order_report");
        assertThat(objectDetails(finding)).containsExactly("view: permission denied for table orders (SQLSTATE 42501)");
    }

    @Test
    void passesAViewItsOwnerCanRead() {
        String database = viewOwnedBy("viewkept", "report_owner_kept");
        FixSql.runAsCdc(target, database, "SELECT * FROM app.order_report");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.readable")).isFalse();
        assertThat(passedMessage(result, "tables.readable")).contains("1 view or foreign table");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void blocksAForeignTableWhoseServerRefusesTheConnection() {
        assumeTrue(target.major() >= 17, "a session can be interrupted while it connects to a foreign server from 17 on");
        String database = foreignTable("fdwclosed", Sockets.closedPort());
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.remote_stock"))
                .hasMessageContaining("08001").hasMessageContaining("could not connect to server");

        JsonPath result = inspect(database);
        Map<String, Object> finding = fullMigrationFinding(result, "tables.readable", "BLOCKER");
        assertThat(objectNames(finding)).containsExactly("app.remote_stock");
        assertThat(objectDetails(finding).get(0)).startsWith("foreign table: could not connect to server")
                .endsWith("(SQLSTATE 08001)").doesNotContain(LogicalTarget.CDC_PASSWORD);
    }

    @Test
    void leavesForeignTablesUntriedBefore17AndSaysWhy() {
        assumeTrue(target.major() < 17, "from 17 on foreign tables are tried");
        String database = foreignTable("fdwold", Sockets.closedPort());
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.remote_stock"))
                .hasMessageContaining("could not connect to server");

        JsonPath result = inspect(database);
        assertThat(findings(result, "tables.readable")).singleElement().satisfies(finding -> {
            assertThat(finding).containsEntry("severity", "INFO");
            assertThat((String) finding.get("message")).startsWith("1 foreign table in scope was not tried: before PostgreSQL 17");
        });
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void passesAForeignTableWhoseUserMappingConnects() {
        assumeTrue(target.major() >= 17, "a session can be interrupted while it connects to a foreign server from 17 on");
        String database = foreignTable("fdwopen", target.port());
        FixSql.runAsCdc(target, database, "SELECT * FROM app.remote_stock");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.readable")).isFalse();
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void saysWhichViewsItHadNoTimeToProbe() throws Exception {
        String database = target.database("viewslocked", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE VIEW app.a_orders AS SELECT * FROM app.orders", "CREATE VIEW app.b_orders AS SELECT * FROM app.orders",
                "CREATE VIEW app.c_orders AS SELECT * FROM app.orders");
        // A lock held on the table makes the first view's SELECT wait past the probe's budget: the others are not tried.
        try (Connection holder = target.asCdc(database); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE app.orders IN ACCESS EXCLUSIVE MODE");

            JsonPath result = inspect(database);
            assertThat(findings(result, "tables.readable")).singleElement().satisfies(finding -> {
                assertThat(finding).containsEntry("severity", "INFO");
                assertThat((String) finding.get("message")).startsWith("3 views or foreign tables in scope were not tried");
            });
            assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
            holder.rollback();
        }
    }
}
