package io.dsm.testing;

import static io.restassured.RestAssured.given;

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

    public static DataSourceBody primary(String identifier) {
        return DataSourceBody.primary(identifier);
    }

    public static DataSourceBody primaryStandby(String identifier) {
        return DataSourceBody.primaryStandby(identifier);
    }

    public static JsonPath create(DataSourceBody body) {
        return given().body(body).post("/api/datasources").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath read(String id) {
        return given().get("/api/datasources/" + id).then().statusCode(200).extract().jsonPath();
    }
}
