package io.dsm.watch;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import io.dsm.testing.PostgresResource;
import io.restassured.path.json.JsonPath;

/** Reads what the watch knows about a data source, and the events it queued for the webhook, and waits for it to know something. */
public final class WatchedSources {

    private WatchedSources() {
    }

    public static JsonPath readiness(String id) {
        return given().get("/api/datasources/" + id + "/readiness").then().statusCode(200).extract().jsonPath();
    }

    public static String state(String id) {
        return readiness(id).getString("state");
    }

    /** The history entries of a kind, newest first. */
    public static List<Map<String, Object>> history(String id, String kind) {
        List<Map<String, Object>> all = readiness(id).getList("history");
        return all.stream().filter(entry -> kind.equals(entry.get("kind"))).toList();
    }

    static boolean appeared(String id, String check) {
        return history(id, "FINDING_APPEARED").stream().anyMatch(entry -> check.equals(entry.get("check")));
    }

    static boolean cleared(String id, String check) {
        return history(id, "FINDING_CLEARED").stream().anyMatch(entry -> check.equals(entry.get("check")));
    }

    /** Waits for the first check of a new source. */
    public static JsonPath firstCheck(String id) {
        within(Duration.ofMillis(FastWatchProfile.INTERVAL_MS * 3)).until(() -> !"UNKNOWN".equals(state(id)));
        return readiness(id);
    }

    /** How long until the watch reports what the predicate looks for, in milliseconds; fails after {@code limit}. */
    public static long millisUntil(Duration limit, String id, Predicate<String> noticed) {
        long start = System.nanoTime();
        within(limit).until(() -> noticed.test(id));
        return (System.nanoTime() - start) / 1_000_000;
    }

    public static ConditionFactory within(Duration limit) {
        return Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200));
    }

    /** The webhook events queued about a data source, oldest first, as their receiver gets them. */
    public static List<JsonPath> events(String id) {
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT payload FROM readiness_event WHERE payload::jsonb -> 'dataSource' ->> 'id' = ? ORDER BY created_at")) {
            statement.setString(1, id);
            List<JsonPath> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new JsonPath(rows.getString(1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
