package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.findings;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectDetails;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static io.dsm.readiness.ReadinessAnswers.passedMessage;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Every publication that touches the scope, judged as the server judges it: row filters and column
 * lists against the replica identity (the server refuses the UPDATE), completeness decided before
 * any cap, and a CREATE PUBLICATION that leaves out what the server refuses to publish.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class PublicationReadinessTest extends LogicalTargetTest {

    private static final String FILTER_OUTSIDE_IDENTITY = "Column used in the publication WHERE expression is not part of the replica identity";
    private static final String LIST_WITHOUT_IDENTITY = "Column list used by the publication does not cover the replica identity";

    @Test
    void blocksARowFilterOnAColumnOutsideTheReplicaIdentity() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought row filters");
        String database = target.database("rowfilter", "CREATE TABLE app.sales (id int PRIMARY KEY, region text)",
                "CREATE PUBLICATION sales_eu FOR TABLE app.sales WHERE (region = 'eu')", "INSERT INTO app.sales VALUES (1, 'eu')");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.sales SET region = 'us'"))
                .hasStackTraceContaining(FILTER_OUTSIDE_IDENTITY);

        JsonPath result = inspect(database);
        Map<String, Object> finding = finding(result, "publications.identity_columns");
        assertThat(finding).containsEntry("severity", "BLOCKER")
                .containsEntry("fixSql", "ALTER TABLE app.sales REPLICA IDENTITY FULL;");
        assertThat((String) finding.get("message")).contains("UPDATE and DELETE on this table fail now");
        assertThat(objectDetails(finding))
                .containsExactly("publication sales_eu: row filter uses region, not in the replica identity (id)");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
    }

    @Test
    void runsItsFixAndUpdatesSucceedAfterwards() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought row filters");
        String database = target.database("rowfilterfix", "CREATE TABLE app.sales (id int PRIMARY KEY, region text)",
                "CREATE PUBLICATION sales_eu FOR TABLE app.sales WHERE (region = 'eu')", "INSERT INTO app.sales VALUES (1, 'eu')");
        FixSql.runAsPsqlWould(target, database, (String) finding(inspect(database), "publications.identity_columns").get("fixSql"));

        target.server().executeIn(database, "UPDATE app.sales SET region = 'us'");
        assertThat(found(inspect(database), "publications.identity_columns")).isFalse();
    }

    @Test
    void passesARowFilterOnIdentityColumns() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought row filters");
        String database = target.database("rowfilterok", "CREATE TABLE app.sales (id int PRIMARY KEY, region text)",
                "CREATE PUBLICATION low_ids FOR TABLE app.sales WHERE (id < 1000)", "INSERT INTO app.sales VALUES (1, 'eu')");
        target.server().executeIn(database, "UPDATE app.sales SET region = 'us'");

        JsonPath result = inspect(database);
        assertThat(found(result, "publications.identity_columns")).isFalse();
        assertThat(ReadinessAnswers.passed(result)).contains("publications.identity_columns");
    }

    @Test
    void blocksAColumnListThatLeavesOutAnIdentityColumnAndItsFixAddsIt() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought column lists");
        String database = target.database("columnlist", "CREATE TABLE app.accounts (id int PRIMARY KEY, name text, secret text)",
                "CREATE PUBLICATION names FOR TABLE app.accounts (name) WHERE (id > 0)",
                "INSERT INTO app.accounts VALUES (1, 'a', 's')");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'"))
                .hasStackTraceContaining(LIST_WITHOUT_IDENTITY);

        Map<String, Object> finding = finding(inspect(database), "publications.identity_columns");
        assertThat(objectDetails(finding))
                .containsExactly("publication names: column list leaves out id, part of the replica identity");
        assertThat((String) finding.get("fixSql")).isEqualTo("""
                BEGIN;
                ALTER PUBLICATION names DROP TABLE app.accounts;
                ALTER PUBLICATION names ADD TABLE app.accounts (name, id) WHERE ((id > 0));
                COMMIT;""");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'");
        assertThat(found(inspect(database), "publications.identity_columns")).isFalse();
        assertThat(target.server().queryIn(database, "SELECT count(*) FROM pg_publication_rel WHERE prqual IS NOT NULL"))
                .isEqualTo("1");
    }

    @Test
    void blocksAnyColumnListOnATableWithReplicaIdentityFull() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought column lists");
        String database = target.database("fulllist", "CREATE TABLE app.accounts (id int PRIMARY KEY, name text)",
                "ALTER TABLE app.accounts REPLICA IDENTITY FULL", "CREATE PUBLICATION everything_listed FOR TABLE app.accounts (id, name)",
                "INSERT INTO app.accounts VALUES (1, 'a')");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.accounts SET name = 'b'"))
                .hasStackTraceContaining(LIST_WITHOUT_IDENTITY);

        Map<String, Object> finding = finding(inspect(database), "publications.identity_columns");
        assertThat(objectDetails(finding))
                .containsExactly("publication everything_listed: a column list, which REPLICA IDENTITY FULL does not allow");
        assertThat(finding.get("fixSql")).isNull();
    }

    /** The held-out case, reported as "Incremental sync: 2 warnings" before. */
    @Test
    void blocksBothTablesWhoseUpdatesFailUnderTheirPublications() {
        assumeTrue(target.major() >= 15, "PostgreSQL 15 brought row filters");
        String database = target.database("heldout", "CREATE TABLE app.orders (id int PRIMARY KEY DEFERRABLE, total int)",
                "CREATE TABLE app.sales (id int PRIMARY KEY, region text)",
                "CREATE PUBLICATION orders_pub FOR TABLE app.orders, app.sales",
                "CREATE PUBLICATION sales_eu FOR TABLE app.sales WHERE (region = 'eu')",
                "INSERT INTO app.orders VALUES (1, 10)", "INSERT INTO app.sales VALUES (1, 'eu')");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.orders SET total = 11"))
                .hasStackTraceContaining("does not have a replica identity");
        assertThatThrownBy(() -> target.server().executeIn(database, "UPDATE app.sales SET region = 'us'"))
                .hasStackTraceContaining(FILTER_OUTSIDE_IDENTITY);

        JsonPath result = inspect(database);
        assertThat(finding(result, "tables.replica_identity")).containsEntry("severity", "BLOCKER");
        assertThat(objectNames(finding(result, "tables.replica_identity"))).containsExactly("app.orders");
        assertThat(finding(result, "publications.identity_columns")).containsEntry("severity", "BLOCKER");
        assertThat(objectNames(finding(result, "publications.identity_columns"))).containsExactly("app.sales");
        assertThat(state(result, "INCREMENTAL_SYNC")).isEqualTo("BLOCKED");
    }

    @Test
    void passesWhenTheCompletePublicationSortsAfterAHundredOthers() {
        List<String> statements = new ArrayList<>(List.of("CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE TABLE app.customers (id int PRIMARY KEY)"));
        for (int i = 0; i < 101; i++) {
            statements.add("CREATE PUBLICATION aaa_" + i + " FOR TABLE app.orders");
        }
        String database = target.database("manypubs", statements.toArray(String[]::new));
        target.server().executeIn(database, "CREATE PUBLICATION zzz_all FOR ALL TABLES");

        JsonPath result = inspect(database);
        assertThat(findings(result, "publications.coverage")).isEmpty();
        assertThat(passedMessage(result, "publications.coverage")).contains("\"zzz_all\" covers all 2 tables");
        assertThat(passedMessage(result, "role.publication")).contains("zzz_all");
    }

    @Test
    void ignoresAPublicationThatTouchesNoTableInScope() {
        String database = target.database("elsewhere", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE SCHEMA other", "CREATE TABLE other.audit (id int PRIMARY KEY)",
                "CREATE PUBLICATION audit_only FOR TABLE other.audit");

        JsonPath result = inspect(database);
        assertThat(findings(result, "publications.coverage")).isEmpty();
        assertThat(passedMessage(result, "publications.coverage")).contains("No publication");
    }

    @Test
    void leavesTheUnloggedTableOutOfCreatePublicationAndSaysWhy() {
        String database = target.database("unloggedpub", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY)");
        // A table cdc does not own: only its owner or a superuser can publish it, so dsm offers the statement.
        target.server().executeIn(database, "CREATE TABLE app.legacy (id int PRIMARY KEY)", "GRANT SELECT ON app.legacy TO cdc");
        assertThatThrownBy(() -> target.server().executeIn(database, "CREATE PUBLICATION naive FOR TABLE app.orders, app.cache"))
                .hasStackTraceContaining("\"cache\"").hasStackTraceContaining("unlogged");

        Map<String, Object> finding = finding(inspect(database), "role.publication");
        assertThat((String) finding.get("hint")).contains("leaves out 1 unlogged table");
        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));

        assertThat(target.server().queryIn(database, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM "
                + "pg_publication_tables WHERE pubname = 'dsm_migration'")).isEqualTo("legacy,orders");
        JsonPath fixed = inspect(database);
        assertThat(found(fixed, "role.publication")).isFalse();
        assertThat(passedMessage(fixed, "publications.coverage")).contains("dsm_migration").contains("1 unlogged table is left out");
        assertThat(objectNames(finding(fixed, "tables.unlogged"))).containsExactly("app.cache");
    }

    @Test
    void addsOnlyTablesAPublicationCanHoldAndSaysWhichItLeavesOut() {
        String database = target.database("addlogged", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE TABLE app.customers (id int PRIMARY KEY)", "CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY)",
                "CREATE PUBLICATION orders_only FOR TABLE app.orders");

        Map<String, Object> finding = finding(inspect(database), "publications.coverage");
        assertThat(finding).containsEntry("fixSql", "ALTER PUBLICATION orders_only ADD TABLE app.customers;");
        assertThat((String) finding.get("message")).contains("1 unlogged table is not counted or added");
        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(found(inspect(database), "publications.coverage")).isFalse();
    }

    @Test
    void offersNoCreatePublicationWhenNoTableCanBePublished() {
        String database = target.database("allunlogged");
        target.server().executeIn(database, "CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY)",
                "GRANT SELECT ON app.cache TO cdc");

        Map<String, Object> finding = finding(inspect(database), "role.publication");
        assertThat(finding.get("fixSql")).isNull();
        assertThat((String) finding.get("hint")).startsWith("No table in scope can be published");
    }
}
