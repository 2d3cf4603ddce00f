package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The replica identity as the server decides it (relcache.c): under a publication of updates, the
 * server itself refuses an UPDATE on each table dsm blocks, and accepts one on each table it passes.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class ReplicaIdentityReadinessTest extends LogicalTargetTest {

    private static final String NO_IDENTITY = "does not have a replica identity and publishes updates";

    /** Publishes every table's updates, as a CDC tool's publication does, and adds a row to update. */
    private static void publishEverything(String database, String insert) {
        target.server().executeIn(database, "CREATE PUBLICATION everything FOR ALL TABLES", insert);
    }

    @Test
    void blocksATableWhosePrimaryKeyIsDeferrableBecauseItsUpdatesFailOncePublished() {
        String database = target.database("deferrablekey", "CREATE TABLE app.orders (id int PRIMARY KEY DEFERRABLE, total int)");
        publishEverything(database, "INSERT INTO app.orders VALUES (1, 10)");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.orders SET total = 11"))
                .hasStackTraceContaining(NO_IDENTITY);

        Map<String, Object> finding = finding(inspect(database), "tables.replica_identity");
        assertThat(finding).containsEntry("severity", "BLOCKER").containsEntry("objectCount", 1);
        assertThat(objectDetails(finding)).containsExactly("primary key orders_pkey is DEFERRABLE: PostgreSQL does not use it "
                + "as replica identity; published by everything, so UPDATE and DELETE on it fail now");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        target.server().executeIn(database, "UPDATE app.orders SET total = 11");
        assertThat(found(inspect(database), "tables.replica_identity")).isFalse();
    }

    @Test
    void passesATableWhosePrimaryKeyIsImmediate() {
        String database = target.database("immediate", "CREATE TABLE app.orders (id int PRIMARY KEY, total int)");
        publishEverything(database, "INSERT INTO app.orders VALUES (1, 10)");
        target.server().executeIn(database, "UPDATE app.orders SET total = 11");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.replica_identity")).isFalse();
        assertThat(passed(result)).contains("tables.replica_identity");
    }

    @Test
    void blocksReplicaIdentityNothingEvenWithAPrimaryKey() {
        String database = target.database("nothing", "CREATE TABLE app.orders (id int PRIMARY KEY, total int)",
                "ALTER TABLE app.orders REPLICA IDENTITY NOTHING");
        publishEverything(database, "INSERT INTO app.orders VALUES (1, 10)");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.orders SET total = 11"))
                .hasStackTraceContaining(NO_IDENTITY);

        assertThat(objectDetails(finding(inspect(database), "tables.replica_identity")))
                .containsExactly("REPLICA IDENTITY NOTHING; published by everything, so UPDATE and DELETE on it fail now");
    }

    @Test
    void blocksAnIdentityIndexThatIsNoLongerValid() {
        String database = target.database("invalidindex", "CREATE TABLE app.accounts (email text NOT NULL, name text)",
                "CREATE UNIQUE INDEX accounts_email ON app.accounts (email)",
                "ALTER TABLE app.accounts REPLICA IDENTITY USING INDEX accounts_email");
        publishEverything(database, "INSERT INTO app.accounts VALUES ('a@example.org', 'a')");
        // What a failed REINDEX ... CONCURRENTLY leaves behind: the server no longer uses the index.
        target.server().executeIn(database,
                "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'app.accounts_email'::regclass");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'"))
                .hasStackTraceContaining(NO_IDENTITY);

        Map<String, Object> finding = finding(inspect(database), "tables.replica_identity_index");
        assertThat(finding).containsEntry("severity", "BLOCKER");
        assertThat(objectDetails(finding)).containsExactly("index accounts_email is not valid");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'");
        assertThat(found(inspect(database), "tables.replica_identity_index")).isFalse();
    }

    @Test
    void passesAValidUniqueIdentityIndexOnNotNullColumns() {
        String database = target.database("validindex", "CREATE TABLE app.accounts (email text NOT NULL, name text)",
                "CREATE UNIQUE INDEX accounts_email ON app.accounts (email)",
                "ALTER TABLE app.accounts REPLICA IDENTITY USING INDEX accounts_email");
        publishEverything(database, "INSERT INTO app.accounts VALUES ('a@example.org', 'a')");
        target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.replica_identity_index")).isFalse();
        assertThat(found(result, "tables.replica_identity")).isFalse();
        assertThat(passed(result)).contains("tables.replica_identity_index");
    }

    @Test
    void blocksAKeylessPartitionThatLivesInAnotherSchemaThanItsRoot() {
        String database = target.database("keylessleaf", "CREATE TABLE app.measures (id int, at date, v int) PARTITION BY RANGE (at)",
                "CREATE SCHEMA parts",
                "CREATE TABLE parts.measures_2026 PARTITION OF app.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        publishEverything(database, "INSERT INTO app.measures VALUES (1, '2026-05-01', 1)");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.measures SET v = 2"))
                .hasStackTraceContaining(NO_IDENTITY);

        Map<String, Object> finding = finding(inspect(database), "tables.replica_identity");
        assertThat(objectNames(finding)).containsExactly("parts.measures_2026");
        assertThat(objectDetails(finding)).containsExactly(
                "partition of app.measures; published by everything, so UPDATE and DELETE on it fail now");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        target.server().executeIn(database, "UPDATE app.measures SET v = 2");
        assertThat(found(inspect(database), "tables.replica_identity")).isFalse();
    }

    @Test
    void passesKeyedPartitionsInAnotherSchema() {
        String database = target.database("keyedleaf",
                "CREATE TABLE app.measures (id int, at date, v int, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE SCHEMA parts",
                "CREATE TABLE parts.measures_2026 PARTITION OF app.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        publishEverything(database, "INSERT INTO app.measures VALUES (1, '2026-05-01', 1)");
        target.server().executeIn(database, "UPDATE app.measures SET v = 2");

        JsonPath result = inspect(database);
        assertThat(found(result, "tables.replica_identity")).isFalse();
        assertThat(found(result, "tables.unlogged")).isFalse();
    }

    @Test
    void fixesEveryTableAndLeafWithOneBlockWhenThereAreMoreThanItLists() {
        String[] statements = new String[62];
        statements[0] = "CREATE TABLE app.measures (id int, at int) PARTITION BY RANGE (at)";
        statements[1] = "CREATE SCHEMA \"parts $$ 2\"";
        for (int i = 2; i < statements.length; i++) {
            statements[i] = "CREATE TABLE \"parts $$ 2\".m" + i + " PARTITION OF app.measures FOR VALUES FROM (" + i + "0101) TO ("
                    + i + "1231)";
        }
        String database = target.database("manyleaves", statements);
        Map<String, Object> finding = finding(inspect(database), "tables.replica_identity");
        assertThat(finding).containsEntry("objectCount", 60);
        assertThat((String) finding.get("fixSql")).startsWith("DO $$");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(found(inspect(database), "tables.replica_identity")).isFalse();
    }
}
