package io.dsm.acceptance;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dsm.testing.LogicalTarget;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Accepts, revokes and reads accepted risks through the API, and reads what a saved source's test makes of them. */
final class Acceptances {

    static final String REPLICA_IDENTITY = "tables.replica_identity";
    /** A check that warns when one slot is free and blocks when none is. */
    static final String REPLICATION_SLOTS = "server.replication_slots";

    private Acceptances() {
    }

    /** A database whose one table without a key, app.events, is published beside a keyed one: it blocks incremental sync. */
    static void keylessTableIn(LogicalTarget target, String database) {
        target.database(database, "CREATE TABLE app.orders (id int PRIMARY KEY, note text)", "CREATE TABLE app.events (payload text)",
                "CREATE PUBLICATION " + database + "_pub FOR TABLE app.orders, app.events");
    }

    /** Publishes a second table without a key, app.more_events, which no acceptance of app.events covers. */
    static void secondKeylessTableIn(LogicalTarget target, String database) {
        target.server().executeIn(database, "SET ROLE " + LogicalTarget.CDC, "CREATE TABLE app.more_events (payload text)",
                "ALTER PUBLICATION " + database + "_pub ADD TABLE app.more_events");
    }

    static Map<String, Object> body(String check, List<String> objects, String reason, Instant expiresAt) {
        return body(check, objects, reason, expiresAt, null);
    }

    /** @param severity the severity accepted; null leaves it out (the check's worst) */
    static Map<String, Object> body(String check, List<String> objects, String reason, Instant expiresAt, String severity) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (severity != null) {
            body.put("severity", severity);
        }
        body.put("check", check);
        body.put("objects", objects);
        body.put("reason", reason);
        body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        return body;
    }

    static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    static ValidatableResponse post(String sourceId, Map<String, Object> body) {
        return given().body(body).post("/api/datasources/" + sourceId + "/acceptances").then();
    }

    static JsonPath accept(String sourceId, Map<String, Object> body) {
        return post(sourceId, body).statusCode(201).extract().jsonPath();
    }

    /** The saved source's connection test. */
    static JsonPath test(String sourceId) {
        return given().post("/api/datasources/" + sourceId + "/test-connection").then().statusCode(200).extract().jsonPath();
    }

    static String incrementalState(JsonPath result) {
        return result.getString("readiness.verdicts.find { it.scope == 'INCREMENTAL_SYNC' }.state");
    }

    static Map<String, Object> finding(JsonPath result, String check) {
        return result.getMap("readiness.findings.find { it.check == '" + check + "' }");
    }
}
