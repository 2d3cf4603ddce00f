package io.dsm.heartbeat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A heartbeat that fails, and one whose beats a publication leaves out, read by a Chinese and an English reader: the
 * status the writer stored reads in the language each request asks for, English by default.
 */
@QuarkusTest
@TestProfile(FastHeartbeatProfile.class)
class HeartbeatInTheReadersLanguageTest extends ApiTest {

    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";
    private static final String FAILING_SCHEMA = "hblang_denied";
    private static final String WARNED_SCHEMA = "hblang_warned";

    @StartedTarget
    static TargetServer target;

    static String failing;
    static String warned;

    /** Created on first use, once the application answers (a static @BeforeAll runs before it does). */
    private static void startBeating() {
        if (failing != null) {
            return;
        }
        target.execute("CREATE SCHEMA " + FAILING_SCHEMA, "GRANT USAGE ON SCHEMA " + FAILING_SCHEMA + " TO " + TargetServer.READER,
                "CREATE SCHEMA " + WARNED_SCHEMA, "GRANT USAGE, CREATE ON SCHEMA " + WARNED_SCHEMA + " TO " + TargetServer.MIGRATOR,
                "CREATE TABLE " + WARNED_SCHEMA + ".orders (id int PRIMARY KEY)",
                "CREATE PUBLICATION hblang_orders FOR TABLE " + WARNED_SCHEMA + ".orders");
        failing = DataSources.create(source(FAILING_SCHEMA).username(TargetServer.READER).password(TargetServer.READER_PASSWORD))
                .getString("id");
        warned = DataSources.create(source(WARNED_SCHEMA)).getString("id");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                "FAILING".equals(heartbeat(failing, null).getString("state"))
                        && heartbeat(warned, null).getString("warning") != null);
    }

    /** The application has stopped answering by now, so the sources stay (as other tests' do); the publication goes. */
    @AfterAll
    static void dropThePublication() {
        if (failing != null) {
            target.execute("DROP PUBLICATION hblang_orders");
        }
    }

    private static DataSourceBody source(String schema) {
        return DataSourceBody.migrator(target.port()).identifier(DataSources.uniqueIdentifier("hblang")).heartbeat(true)
                .heartbeatSchema(schema);
    }

    /** The heartbeat of the source whose user may not create the table. */
    private static JsonPath failingOne(String language) {
        startBeating();
        return heartbeat(failing, language);
    }

    /** The heartbeat of the source whose beats a publication leaves out. */
    private static JsonPath warnedOne(String language) {
        startBeating();
        return heartbeat(warned, language);
    }

    private static JsonPath heartbeat(String id, String language) {
        var request = given();
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.get("/api/datasources/" + id).then().statusCode(200).extract().jsonPath().setRootPath("heartbeat");
    }

    @Test
    void whyABeatFailedReadsInChineseForAChineseReader() {
        assertThat(failingOne(CHINESE).getString("lastError")).isEqualTo("无权在 schema \"" + FAILING_SCHEMA + "\" 中创建表");
    }

    @Test
    void whyABeatFailedReadsInEnglishByDefault() {
        assertThat(failingOne(null).getString("lastError"))
                .isEqualTo("permission denied to create table in schema \"" + FAILING_SCHEMA + "\"");
    }

    @Test
    void thePublicationWarningReadsInChineseWithTheStatementAsItIs() {
        assertThat(warnedOne(CHINESE).getString("warning")).contains("hblang_orders")
                .contains("不是 FOR ALL TABLES 发布，且不包含 " + WARNED_SCHEMA + ".oms_postgres_heartbeat")
                .contains("请添加该表：ALTER PUBLICATION hblang_orders ADD TABLE " + WARNED_SCHEMA + ".oms_postgres_heartbeat;");
    }

    @Test
    void thePublicationWarningReadsInEnglishByDefault() {
        assertThat(warnedOne(null).getString("warning")).contains("hblang_orders")
                .contains("not FOR ALL TABLES")
                .contains("Add the table: ALTER PUBLICATION hblang_orders ADD TABLE " + WARNED_SCHEMA + ".oms_postgres_heartbeat;");
    }
}
