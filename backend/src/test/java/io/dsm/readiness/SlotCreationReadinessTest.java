package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What a new replication slot waits for: the server is shown waiting (its slot creation cancelled by
 * a statement timeout) while a prepared transaction or a long transaction holds an id, and the test
 * names that transaction; once it ends, the server creates the slot at once and the test passes.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class SlotCreationReadinessTest extends ApiTest {

    static LogicalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    /** Creates a logical slot and drops it again, as a project would start: fails with 57014 if it waits past a second. */
    private static void createSlotWithinASecond(String database) throws SQLException {
        try (Connection connection = target.server().connectAs(database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '1s'");
            statement.execute("SELECT pg_create_logical_replication_slot('new_project', 'pgoutput')");
            statement.execute("SELECT pg_drop_replication_slot('new_project')");
        }
    }

    private static String sqlState(Throwable failure) {
        return ((SQLException) failure).getSQLState();
    }

    @Test
    void blocksIncrementalSyncWhileAPreparedTransactionIsForgotten() throws SQLException {
        String database = target.database("prepared", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "BEGIN", "INSERT INTO app.orders VALUES (1)", "PREPARE TRANSACTION 'batch_42'");
        try {
            // The premise, on the server: creating a slot waits for the prepared transaction, past any timeout.
            assertThatThrownBy(() -> createSlotWithinASecond(database)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"));

            JsonPath result = test(target.source(database));
            Map<String, Object> finding = finding(result, "slots.creation");
            assertThat(finding).containsEntry("severity", "BLOCKER");
            assertThat(finding.get("fixSql")).isNull();
            assertThat((String) finding.get("message")).matches("The server did not create a temporary logical slot for dsm "
                    + "within \\d+ ms: it was still waiting for transactions that hold a transaction id to end, so a project's "
                    + "slot would wait too\\. 1 prepared transaction holds a transaction id until someone commits or rolls it "
                    + "back \\('batch_42', \\d+ seconds? old\\): creating the project's replication slot waits for it, in any "
                    + "database\\.");
            assertThat(objectNames(finding)).containsExactly("batch_42");
            assertThat(objectDetails(finding)).singleElement().asString()
                    .matches("prepared transaction in database prepared by postgres, \\d+ seconds? ago, \\d+ transactions old");
            assertThat((String) finding.get("hint")).contains("in database prepared, COMMIT PREPARED 'batch_42'; or ROLLBACK "
                    + "PREPARED 'batch_42';");
            assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
        } finally {
            target.server().executeIn(database, "ROLLBACK PREPARED 'batch_42'");
        }
    }

    @Test
    void passesOnceThePreparedTransactionIsRolledBack() throws SQLException {
        String database = target.database("rolledback", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().executeIn(database, "BEGIN", "INSERT INTO app.orders VALUES (1)", "PREPARE TRANSACTION 'batch_43'");
        assertThat(finding(test(target.source(database)), "slots.creation")).containsEntry("severity", "BLOCKER");

        target.server().executeIn(database, "ROLLBACK PREPARED 'batch_43'");
        createSlotWithinASecond(database);
        assertThat(passedMessage(test(target.source(database)), "slots.creation")).matches("The server created a temporary "
                + "logical slot for dsm at WAL [0-9A-F]+/[0-9A-F]+ in \\d+ ms, and dropped it when dsm disconnected: a project's "
                + "slot can be created now\\. No prepared transaction, and no session whose transaction has held a transaction id "
                + "for 1 second or longer: .*");
    }

    @Test
    void blocksWhileASessionLeavesItsTransactionOpenAndNamesIt() throws Exception {
        String database = target.database("longxact", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        try (Connection forgotten = target.asCdc(database); Statement statement = forgotten.createStatement()) {
            forgotten.setAutoCommit(false);
            statement.execute("SET application_name = 'nightly report'");
            statement.execute("INSERT INTO app.orders VALUES (1)");
            int pid = forgotten.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            // The premise, on the server: creating a slot waits for this transaction, past any timeout.
            assertThatThrownBy(() -> createSlotWithinASecond(database)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"));

            JsonPath result = test(target.source(database));
            Map<String, Object> finding = finding(result, "slots.creation");
            assertThat(finding).containsEntry("severity", "BLOCKER");
            assertThat((String) finding.get("message")).endsWith("1 session has held a transaction id for 1 second or longer: "
                    + "creating the project's replication slot waits until its transaction ends.");
            assertThat(objectNames(finding)).containsExactly("pid " + pid);
            assertThat(objectDetails(finding)).singleElement().asString().matches("transaction open for \\d+ seconds?, "
                    + "idle in transaction, application nightly report, user cdc, database longxact");
            assertThat((String) finding.get("hint")).contains("SELECT pg_terminate_backend(" + pid + ");");
            assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
        }
    }
}
