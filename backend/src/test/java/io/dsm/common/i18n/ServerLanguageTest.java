package io.dsm.common.i18n;

import static io.dsm.connection.TestBodies.check;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The API writes its sentences in the language Accept-Language asks for, English by default; ids never change. */
@QuarkusTest
class ServerLanguageTest extends ApiTest {

    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";

    @Test
    void aValidationErrorComesBackInChineseWhenTheRequestAsksForIt() {
        given().header("Accept-Language", CHINESE).body(DataSourceBody.migrator(70000).identifier("lang01"))
                .post("/api/datasources").then().statusCode(400)
                .body("type", equalTo("urn:dsm:problem:validation"))
                .body("title", equalTo("输入无效"))
                .body("violations[0].field", equalTo("port"))
                .body("violations[0].message", equalTo("必须在 1 到 65535 之间"))
                .body("detail", equalTo("port：必须在 1 到 65535 之间"));
    }

    @Test
    void aValidationErrorIsInEnglishWithoutAcceptLanguage() {
        given().body(DataSourceBody.migrator(70000).identifier("lang02")).post("/api/datasources").then().statusCode(400)
                .body("title", equalTo("Invalid input"))
                .body("violations[0].message", equalTo("must be between 1 and 65535"));
    }

    @Test
    void aViolationBuiltInCodeIsRenderedInTheRequestsLanguage() {
        given().header("Accept-Language", CHINESE).body(DataSourceBody.migrator(5432).identifier("lang03").attribute("STANDBY")
                .heartbeat(true)).post("/api/datasources").then().statusCode(400)
                .body("violations[0].field", equalTo("heartbeatEnabled"))
                .body("violations[0].message", equalTo("仅 PRIMARY 和 PRIMARY_STANDBY 数据源可设为 true"));
    }

    @Test
    void aProblemDetailComesBackInChineseAndItsTypeStaysTheSame() {
        UUID id = UUID.randomUUID();
        given().header("Accept-Language", CHINESE).get("/api/datasources/" + id).then().statusCode(404)
                .body("type", equalTo("urn:dsm:problem:not-found"))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("不存在 ID 为 " + id + " 的数据源。"));
        given().get("/api/datasources/" + id).then().statusCode(404)
                .body("detail", equalTo("There is no data source with id " + id + "."));
    }

    @Test
    void traditionalChineseReadsEnglishSinceDsmHasNoTraditionalCatalogue() {
        given().header("Accept-Language", "zh-TW").body(DataSourceBody.migrator(70000).identifier("lang04"))
                .post("/api/datasources").then().statusCode(400)
                .body("violations[0].message", equalTo("must be between 1 and 65535"));
    }

    @Test
    void aRefusalBeforeAnyResourceIsInTheRequestsLanguageToo() {
        given().header("Accept-Language", CHINESE).queryParam("q", "x".repeat(5000)).get("/api/datasources").then()
                .statusCode(414).body("type", equalTo("urn:dsm:problem:uri-too-long")).body("title", equalTo("URI 过长"));
    }

    @Test
    void signingInFirstIsAskedForInChinese() {
        given().auth().none().header("Accept-Language", CHINESE).get("/api/datasources").then().statusCode(401)
                .body("detail", equalTo("请先登录：发送 HTTP Basic 凭据，或登录控制台。"));
    }

    @Test
    void aFailedConnectionCheckSaysWhatAndHowToFixItInChinese() {
        int port = Sockets.closedPort();
        JsonPath result = given().header("Accept-Language", CHINESE).body(DataSourceBody.migrator(port))
                .post("/api/datasources/test-connection").then().statusCode(200).extract().jsonPath();

        assertThat(check(result, "PRIMARY", "NETWORK")).containsEntry("status", "FAILED")
                .containsEntry("message", "127.0.0.1:" + port + " 上没有服务接受连接（连接被拒绝）。")
                .containsEntry("hint", "请检查主机和端口，并确认 PostgreSQL 正在运行且监听该地址（listen_addresses）。");
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "SKIPPED")
                .containsEntry("message", "未执行：NETWORK 检查失败。");
    }

    @Test
    void aFailedConnectionCheckIsInEnglishByDefault() {
        int port = Sockets.closedPort();
        JsonPath result = given().body(DataSourceBody.migrator(port)).post("/api/datasources/test-connection").then()
                .statusCode(200).extract().jsonPath();

        assertThat(check(result, "PRIMARY", "NETWORK"))
                .containsEntry("message", "Nothing accepts connections at 127.0.0.1:" + port + " (connection refused).");
    }
}
