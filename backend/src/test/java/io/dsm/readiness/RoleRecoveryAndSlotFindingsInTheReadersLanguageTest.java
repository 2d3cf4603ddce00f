package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.StreamingStandby;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A real finding of each of the rule files on roles, role settings, recovery and slot creation, read by a Chinese
 * reader and by one who asks for no language: the message and hint follow Accept-Language, English by default, while
 * fixSql, names and SQL in the sentences stay as they are. It lives beside the rules' own tests rather than with the
 * watch's language test because it needs a standby and the connection test's profile.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RoleRecoveryAndSlotFindingsInTheReadersLanguageTest extends ApiTest {

    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";

    static LogicalTarget primary;
    static StreamingStandby standby;
    static String shop;

    @BeforeAll
    static void startServers() {
        primary = LogicalTarget.start(null);
        shop = primary.database("shop", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        standby = StreamingStandby.of(primary, "hot_standby_feedback", "off", "max_standby_streaming_delay", "100ms");
    }

    @AfterAll
    static void stopServers() {
        standby.close();
        primary.close();
    }

    /** The connection test's finding of the check, in the language asked for; none asked when language is null. */
    private static Map<String, Object> findingIn(String language, DataSourceBody source, String check) {
        var request = given().body(source);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        JsonPath result = request.post("/api/datasources/test-connection").then().statusCode(200).extract().jsonPath();
        assertThat(ReadinessAnswers.found(result, check)).as("%s in %s", check, result.prettify()).isTrue();
        return finding(result, check);
    }

    @Test
    void aRoleFindingReadsInChineseForAChineseReaderAndInEnglishByDefault() {
        String database = primary.database("unreadable");
        primary.server().executeIn(database, "CREATE TABLE app.payroll (id int PRIMARY KEY)");

        Map<String, Object> chinese = findingIn(CHINESE, primary.source(database), "role.select");
        Map<String, Object> english = findingIn(null, primary.source(database), "role.select");

        assertThat(chinese.get("message")).isEqualTo("用户 \"cdc\" 无法读取范围内 1 个表、视图和序列中的 1 个：迁移会在读到其中第一个时失败。");
        assertThat(english.get("message")).isEqualTo("User \"cdc\" cannot read 1 of the 1 table, view or sequence in scope: "
                + "a migration fails on the first of them.");
        assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql"))
                .isEqualTo("GRANT SELECT ON ALL TABLES IN SCHEMA app TO cdc;\nGRANT SELECT ON ALL SEQUENCES IN SCHEMA app TO cdc;");
    }

    @Test
    void aRoleSettingFindingReadsInChineseForAChineseReaderAndInEnglishByDefault() {
        String database = primary.database("hourtimeout", "CREATE TABLE app.orders (id int PRIMARY KEY)");
        primary.server().execute("ALTER ROLE cdc IN DATABASE " + database + " SET statement_timeout = '1h'");

        Map<String, Object> chinese = findingIn(CHINESE, primary.source(database), "role.timeouts");
        Map<String, Object> english = findingIn(null, primary.source(database), "role.timeouts");

        assertThat((String) chinese.get("message")).startsWith("statement_timeout 为 1h（在此数据库中为该用户设置：ALTER ROLE ... IN "
                + "DATABASE ... SET）：").contains("耗时更长的语句会被中断").endsWith("统计的页数。");
        assertThat((String) chinese.get("hint")).startsWith("全量迁移用一条语句读取每张表");
        assertThat((String) english.get("message")).startsWith("statement_timeout is 1h (set for the user in this database "
                + "(ALTER ROLE ... IN DATABASE ... SET)): ").contains(", and a statement that takes longer is cut.");
        assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql"))
                .isEqualTo("ALTER ROLE cdc IN DATABASE " + database + " SET statement_timeout = 0;");
    }

    @Test
    void aRecoveryFindingReadsInChineseForAChineseReaderAndInEnglishByDefault() {
        DataSourceBody standbyAlone = standby.source(shop).attribute("STANDBY");

        Map<String, Object> chinese = findingIn(CHINESE, standbyAlone, "server.standby_reads");
        Map<String, Object> english = findingIn(null, standbyAlone, "server.standby_reads");

        assertThat((String) chinese.get("message")).startsWith("hot_standby_feedback 为 off，且 max_standby_streaming_delay 为 "
                + "100ms（在服务器配置文件中设置）：对此备库的全量迁移读取");
        assertThat((String) chinese.get("hint")).contains("或者设置 max_standby_streaming_delay = -1：");
        assertThat((String) english.get("message")).startsWith("hot_standby_feedback is off and max_standby_streaming_delay is "
                + "100ms (set in the server's configuration): a full-migration read of this standby");
        assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql"))
                .isEqualTo("ALTER SYSTEM SET hot_standby_feedback = on;\nSELECT pg_reload_conf();");
    }

    @Test
    void aSlotCreationFindingReadsInChineseForAChineseReaderAndInEnglishByDefault() {
        primary.server().executeIn(shop, "BEGIN", "INSERT INTO app.orders VALUES (1)", "PREPARE TRANSACTION 'batch_zh'");
        try {
            Map<String, Object> chinese = findingIn(CHINESE, primary.source(shop), "slots.creation");
            Map<String, Object> english = findingIn(null, primary.source(shop), "slots.creation");

            assertThat((String) chinese.get("message")).contains("1 个预备事务持有事务 ID，直到有人将其提交或回滚（'batch_zh'，已存在 ");
            assertThat((String) chinese.get("hint")).isEqualTo("请先征得这些预备事务所有者的同意，然后执行：在数据库 shop 中执行 "
                    + "COMMIT PREPARED 'batch_zh'; 或 ROLLBACK PREPARED 'batch_zh';");
            assertThat((String) english.get("message")).contains("1 prepared transaction holds a transaction id until someone "
                    + "commits or rolls it back ('batch_zh', ");
            assertThat((String) english.get("hint")).isEqualTo("Ask whoever owns the prepared transactions first, then: in "
                    + "database shop, COMMIT PREPARED 'batch_zh'; or ROLLBACK PREPARED 'batch_zh';");
            assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql"));
            assertThat(ReadinessAnswers.objectNames(chinese)).isEqualTo(ReadinessAnswers.objectNames(english))
                    .containsExactly("batch_zh");
        } finally {
            primary.server().executeIn(shop, "ROLLBACK PREPARED 'batch_zh'");
        }
    }
}
