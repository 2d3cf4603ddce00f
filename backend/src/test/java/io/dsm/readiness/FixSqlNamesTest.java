package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Names PostgreSQL allows but that break naive SQL (quotes, spaces, unicode, control characters, dollar
 * quotes, format directives, backslashes, key words): each finding lists them exactly as quote_ident
 * writes them, never split, and its fix runs as written, with the simple protocol psql uses.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class FixSqlNamesTest extends LogicalTargetTest {

    static final List<String> HOSTILE = List.of("Orders \"2024\"", "naïve 表", "tab\there", "new\nline", "bell\u0007", "a$$b",
            "%s", "back\\slash", "select", "int");

    /** Always quoted: the fixture's own quoting, independent of the code under test. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The server's own quote_ident of every table in the schema. */
    private static List<String> serverNames(String database, String schemaCondition) {
        String json = target.server().queryIn(database, "SELECT json_agg(quote_ident(n.nspname) || '.' || quote_ident(c.relname)) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND " + schemaCondition);
        return JsonPath.from(json).getList("$");
    }

    @Test
    void listsAndFixesTablesWhoseNamesHoldQuotesSpacesUnicodeAndControlCharacters() {
        List<String> statements = new ArrayList<>();
        HOSTILE.forEach(name -> statements.add("CREATE TABLE app." + quoted(name) + " (v text)"));
        String database = target.database("hostiletables", statements.toArray(String[]::new));

        Map<String, Object> finding = finding(test(target.source(database)), "tables.replica_identity");
        assertThat(finding).containsEntry("objectCount", HOSTILE.size());
        assertThat(objectNames(finding)).containsExactlyInAnyOrderElementsOf(serverNames(database, "n.nspname = 'app'"));
        assertThat(objectNames(finding)).contains("app.\"tab\there\"", "app.\"Orders \"\"2024\"\"\"", "app.\"select\"");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(found(test(target.source(database)), "tables.replica_identity")).isFalse();
    }

    @Test
    void fixesEveryTableOfASchemaWhoseNameHoldsDollarQuotesAndBackslashes() {
        String schema = "Sch \"1\" $$ \\x\t";
        String database = target.database("hostileschema", "CREATE SCHEMA " + quoted(schema));
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            statements.add("CREATE TABLE " + quoted(schema) + "." + quoted(HOSTILE.get(i % HOSTILE.size()) + i) + " (v text)");
        }
        statements.add("GRANT USAGE ON SCHEMA " + quoted(schema) + " TO cdc");
        statements.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + quoted(schema) + " TO cdc");
        target.server().executeIn(database, statements.toArray(String[]::new));

        Map<String, Object> finding = finding(test(target.source(database).schemaName(schema)), "tables.replica_identity");
        assertThat(finding).containsEntry("objectCount", 55);
        assertThat(serverNames(database, "n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'"))
                .containsAll(objectNames(finding));
        assertThat((String) finding.get("fixSql")).startsWith("DO $dsm$");

        FixSql.runAsPsqlWould(target, database, (String) finding.get("fixSql"));
        assertThat(found(test(target.source(database).schemaName(schema)), "tables.replica_identity")).isFalse();
    }

    @Test
    void addsTablesWithHostileNamesToAPublicationWithAHostileName() {
        List<String> statements = new ArrayList<>();
        HOSTILE.forEach(name -> statements.add("CREATE TABLE app." + quoted(name) + " (id int PRIMARY KEY)"));
        String publication = "Pub \"x\" $$ é\tend";
        statements.add("CREATE PUBLICATION " + quoted(publication) + " FOR TABLE app." + quoted("select"));
        String database = target.database("hostilepub", statements.toArray(String[]::new));

        Map<String, Object> finding = finding(test(target.source(database)), "publications.coverage");
        assertThat(finding).containsEntry("objectCount", HOSTILE.size() - 1);
        assertThat((String) finding.get("fixSql")).startsWith("ALTER PUBLICATION " + quoted(publication) + " ADD TABLE ");

        target.server().executeIn(database, (String) finding.get("fixSql"));
        JsonPath fixed = test(target.source(database));
        assertThat(found(fixed, "publications.coverage")).isFalse();
        assertThat(ReadinessAnswers.passedMessage(fixed, "publications.coverage")).contains(quoted(publication));
    }
}
