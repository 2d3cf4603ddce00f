package io.dsm.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.path.json.JsonPath;

/** Request bodies and shortcuts for the data source API. */
public final class DataSources {

    /** Distinctive, so that the leak guard would find any echo of it. */
    public static final String PASSWORD = "pw-Primary-9f3c1e";
    public static final String STANDBY_PASSWORD = "pw-Standby-72ab0d";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private DataSources() {
    }

    /** A unique identifier, so tests sharing one store do not collide. */
    public static String uniqueIdentifier(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    }

    public static Map<String, Object> primary(String identifier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", identifier);
        body.put("type", "POSTGRESQL");
        body.put("attribute", "PRIMARY");
        body.put("host", "10.0.12.7");
        body.put("port", 5432);
        body.put("username", "migrator");
        body.put("password", PASSWORD);
        body.put("databaseName", "orders");
        return body;
    }

    public static Map<String, Object> primaryStandby(String identifier) {
        Map<String, Object> body = primary(identifier);
        body.put("attribute", "PRIMARY_STANDBY");
        Map<String, Object> standby = new LinkedHashMap<>();
        standby.put("host", "10.0.12.8");
        standby.put("port", 5433);
        body.put("standby", standby);
        return body;
    }

    public static JsonPath create(Map<String, Object> body) {
        return given().body(body).post("/api/datasources").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath read(String id) {
        return given().get("/api/datasources/" + id).then().statusCode(200).extract().jsonPath();
    }
}
