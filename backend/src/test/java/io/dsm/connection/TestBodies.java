package io.dsm.connection;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.dsm.testing.DataSourceBody;
import io.dsm.testing.TargetServer;
import io.restassured.path.json.JsonPath;

/** Bodies for test-connection requests against a {@link TargetServer}. */
public final class TestBodies {

    private TestBodies() {
    }

    public static DataSourceBody migrator(int port) {
        return DataSourceBody.migrator(port);
    }

    public static JsonPath test(DataSourceBody body) {
        return given().body(body).post("/api/datasources/test-connection").then().statusCode(200).extract().jsonPath();
    }

    /** The status of each check, as "TARGET NAME STATUS". */
    public static List<String> statuses(JsonPath result) {
        List<Map<String, String>> checks = result.getList("checks");
        return checks.stream().map(c -> c.get("target") + " " + c.get("name") + " " + c.get("status")).toList();
    }

    public static Map<String, String> check(JsonPath result, String target, String name) {
        List<Map<String, String>> checks = result.getList("checks");
        return checks.stream().filter(c -> c.get("target").equals(target) && c.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + target + " " + name + " check in " + checks));
    }
}
