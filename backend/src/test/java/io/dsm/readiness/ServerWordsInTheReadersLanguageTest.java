package io.dsm.readiness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the server's checks say, what is wrong with each object a finding lists, and the catalogue of checks, read by a
 * Chinese and an English reader of a real server: each in the language the request asks for, English by default, while
 * ids, object names and fixSql stay the same.
 */
@QuarkusTest
class ServerWordsInTheReadersLanguageTest extends ApiTest {

    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";

    static LogicalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        target.server().execute("ALTER SYSTEM SET max_slot_wal_keep_size = -1", "SELECT pg_reload_conf()");
        target.database("deferred", "CREATE TABLE app.orders (id int PRIMARY KEY DEFERRABLE, total int)");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static JsonPath testConnection(String language) {
        var request = given().body(target.source("deferred"));
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.post("/api/datasources/test-connection").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath checks(String language) {
        var request = given();
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.get("/api/readiness/checks").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> finding(JsonPath result, String check) {
        List<Map<String, Object>> findings = result.getList("readiness.findings");
        return findings.stream().filter(f -> check.equals(f.get("check"))).findFirst().orElseThrow();
    }

    private static String passed(JsonPath result, String check) {
        List<Map<String, Object>> passed = result.getList("readiness.passed");
        return passed.stream().filter(p -> check.equals(p.get("check"))).map(p -> (String) p.get("message")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstObject(Map<String, Object> finding) {
        return ((List<Map<String, Object>>) finding.get("objects")).get(0);
    }

    private static Map<String, Object> check(JsonPath catalogue, String id) {
        List<Map<String, Object>> checks = catalogue.getList("");
        return checks.stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void aServerFindingAndItsHintReadInChineseForAChineseReader() {
        Map<String, Object> finding = finding(testConnection(CHINESE), "server.max_slot_wal_keep_size");
        assertThat(finding.get("message"))
                .isEqualTo("max_slot_wal_keep_size 为 -1：消费端停止后，其复制槽会一直保留 WAL，直至磁盘写满、服务器停止运行。");
        assertThat((String) finding.get("hint")).startsWith("请选择 WAL 磁盘能够容纳并留有余量的大小")
                .endsWith("其项目必须重新同步。");
    }

    @Test
    void aServerFindingReadsInEnglishByDefaultWithTheSameFixSql() {
        Map<String, Object> english = finding(testConnection(null), "server.max_slot_wal_keep_size");
        Map<String, Object> chinese = finding(testConnection(CHINESE), "server.max_slot_wal_keep_size");
        assertThat(english.get("message")).isEqualTo("max_slot_wal_keep_size is -1: a slot whose consumer stops keeps WAL until "
                + "the disk is full and the server stops.");
        assertThat(english.get("hint")).isEqualTo("Choose a size the WAL disk can hold with room to spare; it takes effect on "
                + "reload. A slot that falls further behind is invalidated (wal_status lost) and its project must re-sync.");
        assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql"))
                .isEqualTo("ALTER SYSTEM SET max_slot_wal_keep_size = '64GB';\nSELECT pg_reload_conf();");
    }

    @Test
    void theServersPassedChecksReadInChineseForAChineseReader() {
        JsonPath result = testConnection(CHINESE);
        assertThat(passed(result, "server.wal_level")).isEqualTo("wal_level 为 logical。");
        assertThat(passed(result, "server.replication_slots")).matches("\\d+ 个复制槽中有 \\d+ 个空闲。");
        assertThat(passed(result, "replication.connection")).startsWith("服务器接受了 dsm 的逻辑复制连接");
    }

    @Test
    void whatIsWrongWithAnObjectReadsInChineseAndItsNameStaysAsItIs() {
        Map<String, Object> object = firstObject(finding(testConnection(CHINESE), "tables.replica_identity"));
        assertThat(object).containsEntry("name", "app.orders")
                .containsEntry("detail", "主键 orders_pkey 为 DEFERRABLE：PostgreSQL 不会将其用作副本标识");
    }

    @Test
    void whatIsWrongWithAnObjectReadsInEnglishByDefault() {
        Map<String, Object> object = firstObject(finding(testConnection(null), "tables.replica_identity"));
        assertThat(object).containsEntry("name", "app.orders")
                .containsEntry("detail", "primary key orders_pkey is DEFERRABLE: PostgreSQL does not use it as replica identity");
    }

    @Test
    void theCatalogueOfChecksReadsInChineseForAChineseReader() {
        Map<String, Object> walLevel = check(checks(CHINESE), "server.wal_level");
        assertThat(walLevel).containsEntry("title", "wal_level 为 logical");
        assertThat((String) walLevel.get("description")).startsWith("逻辑解码需要 `wal_level = logical`");
        assertThat((String) walLevel.get("remedy")).startsWith("执行 `ALTER SYSTEM SET wal_level = logical;` 并重启服务器");
    }

    @Test
    void theCatalogueOfChecksReadsInEnglishByDefaultWithTheSameIds() {
        JsonPath english = checks(null);
        assertThat(check(english, "server.wal_level")).containsEntry("title", "wal_level is logical")
                .containsEntry("description", "Logical decoding needs `wal_level = logical`; with `replica` or `minimal` no slot "
                        + "can be created.");
        assertThat(checks(CHINESE).getList("id")).isEqualTo(english.getList("id"));
    }
}
