package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.passed;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Settings of the role and the database that stop the project's sessions, each shown first on the
 * server itself (the session is refused, its statement cancelled, its transaction read-only), then
 * found by the test, and gone once the finding's own fix has run.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RoleSettingsReadinessTest extends ApiTest {

    /** PostgreSQL 12 counts a WAL sender against connection limits and refuses one past them; later releases tested do not. */
    private static final int LAST_COUNTING_WAL_SENDERS = 12;

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

    private static DataSourceBody as(String database, String user, String password) {
        return target.source(database).username(user).password(password);
    }

    /** A role of the test's own, with the attributes it is about, that may read schema app of the database. */
    private static void role(String database, String name, String password, String attributes) {
        target.server().execute("SET password_encryption = 'scram-sha-256'",
                "CREATE ROLE " + name + " LOGIN " + attributes + " PASSWORD '" + password + "'");
        target.server().executeIn(database, "GRANT USAGE ON SCHEMA app TO " + name, "GRANT SELECT ON ALL TABLES IN SCHEMA app TO " + name);
    }

    private static void runAsCdc(String database, String sql) throws SQLException {
        try (Connection session = target.asCdc(database); Statement statement = session.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sqlState(Throwable failure) {
        return ((SQLException) failure).getSQLState();
    }

    @Test
    void blocksIncrementalSyncWhenTheUsersTransactionsAreReadOnly() {
        String database = target.database("readonly", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER ROLE cdc IN DATABASE readonly SET default_transaction_read_only = on");
        // The premise, on the server: the project's session cannot create the publication it needs.
        assertThatThrownBy(() -> runAsCdc(database, "CREATE PUBLICATION dsm_migration FOR TABLE app.orders"))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("25006"));

        JsonPath result = testDatabase(database);
        Map<String, Object> finding = finding(result, "role.read_only");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("scopes", List.of("INCREMENTAL_SYNC"))
                .containsEntry("fixSql", "BEGIN READ WRITE;\nALTER ROLE cdc IN DATABASE readonly SET default_transaction_read_only = off;"
                        + "\nCOMMIT;");
        assertThat((String) finding.get("message")).contains("set for the user in this database").contains("CREATE PUBLICATION");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("READY");
    }

    @Test
    void passesOnceItsFixLetsTheUsersTransactionsWrite() throws SQLException {
        String database = target.database("readwrite", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER DATABASE readwrite SET default_transaction_read_only = on");
        Map<String, Object> finding = finding(testDatabase(database), "role.read_only");
        assertThat((String) finding.get("message")).contains("set for the database");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        JsonPath fixed = testDatabase(database);
        assertThat(passedMessage(fixed, "role.read_only")).isEqualTo("The user's transactions can write "
                + "(default_transaction_read_only is off).");
        runAsCdc(database, "CREATE PUBLICATION dsm_migration FOR TABLE app.orders");
    }

    @Test
    void warnsWhenTheLimitLeavesNoRoomForTheProjectsSessions() throws SQLException {
        String database = target.database("cramped", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        role(database, "cramped", "pw-Cramped-5", "REPLICATION CONNECTION LIMIT 2");
        // The premise, on the server: with two sessions of the role open, a third one is refused; after 12, its WAL sender is not.
        try (Connection first = target.server().connectAs(database, "cramped", "pw-Cramped-5");
                Connection second = target.server().connectAs(database, "cramped", "pw-Cramped-5")) {
            assertThatThrownBy(() -> target.server().connectAs(database, "cramped", "pw-Cramped-5").close())
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("53300"));
            if (target.major() > LAST_COUNTING_WAL_SENDERS) {
                target.server().replicationConnectionAs(database, "cramped", "pw-Cramped-5").close();
            } else {
                assertThatThrownBy(() -> target.server().replicationConnectionAs(database, "cramped", "pw-Cramped-5").close())
                        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("53300"));
            }
        }
        awaitNoSessionOf("cramped");

        JsonPath result = test(as(database, "cramped", "pw-Cramped-5"));
        Map<String, Object> finding = finding(result, "role.connection_limit");
        assertThat(finding).containsEntry("severity", "WARNING").containsEntry("scopes", List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"))
                .containsEntry("fixSql", "ALTER ROLE cramped CONNECTION LIMIT -1;");
        assertThat((String) finding.get("message")).isEqualTo("user \"cramped\" has CONNECTION LIMIT 2 with 0 other sessions "
                + "open (dsm's own test connection" + (target.major() > LAST_COUNTING_WAL_SENDERS ? " left out; WAL senders do not "
                        + "count)" : "s left out)") + ": 2 connections are left for the project, fewer than the 4 sessions a "
                + "project opens at once; the server refuses the next with \"too many connections\" (SQLSTATE 53300).");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("WARNINGS");
    }

    @Test
    void passesOnceItsFixLiftsTheConnectionLimit() throws SQLException {
        String database = target.database("nolimit", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        role(database, "unlimited", "pw-Unlimited-2", "REPLICATION CONNECTION LIMIT 1");
        Map<String, Object> finding = finding(test(as(database, "unlimited", "pw-Unlimited-2")), "role.connection_limit");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        JsonPath fixed = test(as(database, "unlimited", "pw-Unlimited-2"));
        assertThat(passedMessage(fixed, "role.connection_limit"))
                .isEqualTo("No connection limit applies to user \"unlimited\" or database nolimit.");
        assertThat(passed(fixed)).contains("replication.connection");
        try (Connection session = target.server().connectAs(database, "unlimited", "pw-Unlimited-2")) {
            target.server().replicationConnectionAs(database, "unlimited", "pw-Unlimited-2").close();
        }
    }

    @Test
    void blocksFullMigrationWhenStatementTimeoutCutsTheLargestTable() {
        String database = target.database("stmttimeout", "CREATE TABLE app.big (id int PRIMARY KEY, filler text)",
                "INSERT INTO app.big SELECT g, repeat('x', 200) FROM generate_series(1, 100000) g", "ANALYZE app.big",
                "CREATE TABLE app.small (id int PRIMARY KEY)");
        target.server().execute("ALTER ROLE cdc IN DATABASE stmttimeout SET statement_timeout = '50ms'");
        // The premise, on the server: a statement of the user's that takes longer is cancelled.
        assertThatThrownBy(() -> runAsCdc(database, "SELECT pg_sleep(0.2), count(*) FROM app.big"))
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("57014"));

        JsonPath result = testDatabase(database);
        Map<String, Object> finding = finding(result, "role.timeouts");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("scopes", List.of("FULL_MIGRATION"))
                .containsEntry("fixSql", "ALTER ROLE cdc IN DATABASE stmttimeout SET statement_timeout = 0;");
        assertThat((String) finding.get("message")).matches("statement_timeout is 50ms \\(set for the user in this database "
                + "\\(ALTER ROLE \\.\\.\\. IN DATABASE \\.\\.\\. SET\\)\\): reading app\\.big, the largest table in scope "
                + "\\(2\\d MB\\), takes about \\d+ms, so the server cancels it\\. .*");
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("BLOCKED");
    }

    @Test
    void warnsAboutAnIdleInTransactionTimeoutThatEndsALongCopysTransaction() throws Exception {
        String database = target.database("idletimeout", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER ROLE cdc IN DATABASE idletimeout SET idle_in_transaction_session_timeout = '200ms'");
        // The premise, on the server: a transaction of the user's left idle longer ends with its session.
        try (Connection session = target.asCdc(database); Statement statement = session.createStatement()) {
            session.setAutoCommit(false);
            statement.execute("SELECT count(*) FROM app.orders");
            Thread.sleep(600);
            assertThatThrownBy(() -> statement.execute("SELECT count(*) FROM app.orders"))
                    .hasStackTraceContaining("idle-in-transaction timeout");
        }

        Map<String, Object> finding = finding(testDatabase(database), "role.timeouts");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER ROLE cdc IN DATABASE idletimeout SET idle_in_transaction_session_timeout = 0;");
        assertThat((String) finding.get("message")).startsWith("idle_in_transaction_session_timeout is 200ms (set for the user "
                + "in this database (ALTER ROLE ... IN DATABASE ... SET)): a copy of all tables in scope");
    }

    @Test
    void warnsAboutATransactionTimeoutThatEndsALongCopysTransaction() throws Exception {
        assumeTrue(target.major() >= 17, "transaction_timeout exists from PostgreSQL 17 on");
        String database = target.database("txtimeout", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER ROLE cdc IN DATABASE txtimeout SET transaction_timeout = '200ms'");
        // The premise, on the server: a transaction of the user's that lasts longer ends with its session.
        try (Connection session = target.asCdc(database); Statement statement = session.createStatement()) {
            session.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(0.6), count(*) FROM app.orders"))
                    .hasStackTraceContaining("transaction timeout");
        }

        Map<String, Object> finding = finding(testDatabase(database), "role.timeouts");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("fixSql", "ALTER ROLE cdc IN DATABASE txtimeout SET transaction_timeout = 0;");
        assertThat((String) finding.get("message")).startsWith("transaction_timeout is 200ms (set for the user in this database "
                + "(ALTER ROLE ... IN DATABASE ... SET)): a copy of all tables in scope");
    }

    @Test
    void passesOnceItsFixResetsTheUsersTimeouts() throws SQLException {
        String database = target.database("notimeout", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        target.server().execute("ALTER ROLE cdc IN DATABASE notimeout SET statement_timeout = '50ms'",
                "ALTER ROLE cdc SET idle_in_transaction_session_timeout = '1h'");
        try {
            Map<String, Object> finding = finding(testDatabase(database), "role.timeouts");
            assertThat((String) finding.get("message")).contains("idle_in_transaction_session_timeout is 1h (set for the user "
                    + "(ALTER ROLE ... SET))");

            for (String statement : ((String) finding.get("fixSql")).split("\n")) {
                target.server().executeIn(database, statement);
            }
            assertThat(passed(testDatabase(database))).contains("role.timeouts");
            runAsCdc(database, "SELECT pg_sleep(0.2)");
        } finally {
            target.server().execute("ALTER ROLE cdc RESET idle_in_transaction_session_timeout");
        }
    }

    @Test
    void warnsWhenThePasswordExpiresWithinThirtyDays() throws Exception {
        String database = target.database("expiring", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        role(database, "expiring", "pw-Expiring-3", "");
        target.server().execute("DO $$ BEGIN EXECUTE format('ALTER ROLE expiring VALID UNTIL %L', now() + interval '4 s'); END $$");

        JsonPath result = test(as(database, "expiring", "pw-Expiring-3"));
        Map<String, Object> finding = finding(result, "role.password_expiry");
        assertThat(finding).containsEntry("severity", "WARNING")
                .containsEntry("scopes", List.of("FULL_MIGRATION", "INCREMENTAL_SYNC"))
                .containsEntry("fixSql", "ALTER ROLE expiring VALID UNTIL 'infinity';");
        assertThat((String) finding.get("message")).matches("The password of user \"expiring\" expires \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d \\S+, in [0-4] seconds?: no session of the project can sign in with it after that "
                + "\\(SQLSTATE 28P01\\)\\.");
        // The server keeps its word: once the moment has passed, the user cannot sign in.
        Thread.sleep(4500);
        assertThatThrownBy(() -> target.server().connectAs(database, "expiring", "pw-Expiring-3").close())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("28P01"));
    }

    @Test
    void passesOnceItsFixKeepsThePasswordValid() throws SQLException {
        String database = target.database("renewed", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        role(database, "renewed", "pw-Renewed-4", "VALID UNTIL '2999-01-01'");
        target.server().execute("DO $$ BEGIN EXECUTE format('ALTER ROLE renewed VALID UNTIL %L', now() + interval '71 hours'); END $$");
        Map<String, Object> finding = finding(test(as(database, "renewed", "pw-Renewed-4")), "role.password_expiry");
        assertThat((String) finding.get("message")).contains(", in 2 days:");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        assertThat(passedMessage(test(as(database, "renewed", "pw-Renewed-4")), "role.password_expiry"))
                .isEqualTo("The password of user \"renewed\" does not expire.");
        target.server().connectAs(database, "renewed", "pw-Renewed-4").close();
    }

    /** A closed session's backend leaves a moment after its client: until then it counts against the limit. */
    private static void awaitNoSessionOf(String user) throws SQLException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!"0".equals(target.server().queryIn("postgres", "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + user + "'"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The sessions of " + user + " did not end");
            }
            Thread.onSpinWait();
        }
    }
}
