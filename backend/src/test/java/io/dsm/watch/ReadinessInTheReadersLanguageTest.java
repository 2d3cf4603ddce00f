package io.dsm.watch;

import static io.dsm.watch.WatchedSources.firstCheck;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.LogicalTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A keyless table on a real server, read by a Chinese and an English reader: the connection test's finding, the
 * watch's latest report and its history each speak the language the request asked for, English by default, while
 * check ids and fixSql stay the same and the audit log stays English.
 */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class ReadinessInTheReadersLanguageTest extends ApiTest {

    private static final String KEYLESS = "tables.replica_identity";
    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";

    static LogicalTarget target;
    static String watched;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        target.database("keyless", "CREATE TABLE app.events (payload text)");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static String watchedSource() {
        if (watched == null) {
            watched = DataSources.create(target.source("keyless").identifier(DataSources.uniqueIdentifier("lang")))
                    .getString("id");
            firstCheck(watched);
        }
        return watched;
    }

    private static JsonPath testConnection(String language) {
        var request = given().body(target.source("keyless"));
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.post("/api/datasources/test-connection").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath watch(String language) {
        var request = given();
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.get("/api/datasources/" + watchedSource() + "/readiness").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> keylessFinding(JsonPath readiness, String path) {
        List<Map<String, Object>> findings = readiness.getList(path);
        return findings.stream().filter(f -> KEYLESS.equals(f.get("check"))).findFirst().orElseThrow();
    }

    private static String appeared(JsonPath watch) {
        List<Map<String, Object>> history = watch.getList("history");
        return history.stream().filter(e -> "FINDING_APPEARED".equals(e.get("kind")) && KEYLESS.equals(e.get("check")))
                .map(e -> (String) e.get("message")).findFirst().orElseThrow();
    }

    @Test
    void aConnectionTestsFindingReadsInChineseForAChineseReader() {
        Map<String, Object> finding = keylessFinding(testConnection(CHINESE), "readiness.findings");
        assertThat((String) finding.get("message")).startsWith("范围内有 1 张表没有服务器可用的副本标识");
        assertThat((String) finding.get("hint")).startsWith("表中存在唯一且非空的列组合时");
    }

    @Test
    void aConnectionTestsFindingReadsInEnglishByDefault() {
        Map<String, Object> finding = keylessFinding(testConnection(null), "readiness.findings");
        assertThat((String) finding.get("message")).startsWith("1 table in scope has no replica identity the server can use");
    }

    @Test
    void theFixSqlAndCheckIdAreTheSameInEveryLanguage() {
        Map<String, Object> chinese = keylessFinding(testConnection(CHINESE), "readiness.findings");
        Map<String, Object> english = keylessFinding(testConnection("en"), "readiness.findings");
        assertThat(chinese.get("fixSql")).isEqualTo(english.get("fixSql")).isEqualTo("ALTER TABLE app.events REPLICA IDENTITY FULL;");
        assertThat(chinese.get("objects")).isEqualTo(english.get("objects"));
    }

    @Test
    void theVerdictsAndPassedChecksReadInChineseForAChineseReader() {
        JsonPath result = testConnection(CHINESE);
        assertThat(result.getList("readiness.verdicts.summary", String.class))
                .containsExactly("全量迁移：就绪", "增量同步：1 个阻塞项");
        List<Map<String, Object>> passed = result.getList("readiness.passed");
        assertThat(passed).filteredOn(p -> "tables.unlogged".equals(p.get("check"))).extracting(p -> p.get("message"))
                .containsOnly("范围内没有 UNLOGGED 表。");
    }

    @Test
    void theWatchsLatestReportReadsInTheLanguageOfEachReader() {
        assertThat((String) keylessFinding(watch(CHINESE), "latest.readiness.findings").get("message"))
                .startsWith("范围内有 1 张表");
        assertThat((String) keylessFinding(watch(null), "latest.readiness.findings").get("message"))
                .startsWith("1 table in scope has");
    }

    @Test
    void theWatchsStoredConnectionChecksReadInTheLanguageOfEachReader() {
        assertThat(networkCheck(watch(CHINESE))).startsWith("已连通 ");
        assertThat(networkCheck(watch(null))).startsWith("Reached ");
    }

    private static String networkCheck(JsonPath watch) {
        List<Map<String, Object>> checks = watch.getList("latest.checks");
        return checks.stream().filter(c -> "NETWORK".equals(c.get("name"))).map(c -> (String) c.get("message")).findFirst()
                .orElseThrow();
    }

    @Test
    void theWatchsHistoryEntryReadsInTheLanguageOfEachReader() {
        assertThat(appeared(watch(CHINESE))).startsWith("范围内有 1 张表没有服务器可用的副本标识");
        assertThat(appeared(watch(null))).startsWith("1 table in scope has no replica identity");
    }

    @Test
    void theWatchsStateChangeSaysTheVerdictsInTheReadersLanguage() {
        List<Map<String, Object>> history = watch(CHINESE).getList("history");
        assertThat(history).filteredOn(e -> "STATE_CHANGED".equals(e.get("kind"))).extracting(e -> e.get("message"))
                .contains("全量迁移：就绪；增量同步：1 个阻塞项");
    }

    @Test
    void theAuditLogKeepsTheStateChangeInEnglishWhateverTheReadersLanguage() {
        String id = watchedSource();
        JsonPath events = given().header("Accept-Language", CHINESE).queryParam("dataSourceId", id).queryParam("size", 100)
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = events.getList("items.action");
        assertThat(events.getString("items[" + actions.lastIndexOf("READINESS_CHANGED") + "].detail"))
                .contains("Full migration: ready; Incremental sync: 1 blocker");
    }
}
