package io.dsm.datasource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.RestartablePostgresResource;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.StoredRows;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * DSM_SECRET_KEY replaced while dsm serves: passwords sealed under the previous key stay readable,
 * and one call re-encrypts them all while reads, tests and updates go on without a single failure.
 */
@QuarkusTest
@TestProfile(SecretKeyRotationTest.NewKey.class)
class SecretKeyRotationTest extends ApiTest {

    static final String NEW_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    private static final int SOURCES = 60;

    /** The new key, the test profile's key as the previous one, and a store of its own. */
    public static class NewKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsm.secret-key", NEW_KEY, "dsm.secret-key-previous", StoredRows.TEST_KEY,
                    "dsm.connect.allow", "127.0.0.0/8");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @StartedTarget
    static TargetServer target;

    @Test
    void reEncryptsEveryPasswordUnderTheNewKeyWhileRequestsKeepSucceeding() throws Exception {
        List<String> ids = sourcesSealedUnderThePreviousKey();
        given().get("/api/admin/secret-key").then().statusCode(200).body("remaining", org.hamcrest.Matchers.greaterThanOrEqualTo(SOURCES));

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int worker = 0; worker < 3; worker++) {
            int offset = worker;
            load.submit(() -> {
                for (int i = offset; running.get(); i += 3) {
                    String id = ids.get(i % ids.size());
                    exercise(id, i % 3, failures);
                    requests.incrementAndGet();
                }
            });
        }
        Thread.sleep(300);
        int before = requests.get();
        Response rotated = given().post("/api/admin/secret-key/rotation");
        int during = requests.get() - before;
        Thread.sleep(300);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        rotated.then().statusCode(200).body("remaining", org.hamcrest.Matchers.equalTo(0))
                .body("unreadable", org.hamcrest.Matchers.equalTo(0));
        assertThat(rotated.jsonPath().getLong("resealed")).isPositive();
        assertThat(during).as("requests completed while the rotation ran").isPositive();
        assertThat(failures).isEmpty();
        String newFingerprint = SecretCipher.fromBase64(NEW_KEY).fingerprint();
        for (String id : ids) {
            assertThat(SecretCipher.sealedWith(column(id))).isEqualTo(newFingerprint);
        }
    }

    /** A read, a stored test (which must decrypt the password to sign in), or an update that keeps the password. */
    private static void exercise(String id, int kind, ConcurrentLinkedQueue<String> failures) {
        switch (kind) {
            case 0 -> {
                int status = given().get("/api/datasources/" + id).statusCode();
                if (status != 200) {
                    failures.add("GET " + id + ": " + status);
                }
            }
            case 1 -> {
                Response test = given().post("/api/datasources/" + id + "/test-connection");
                if (test.statusCode() != 200 || !test.jsonPath().getBoolean("success")) {
                    failures.add("test " + id + ": " + test.statusCode() + " " + test.asString());
                }
            }
            default -> {
                var current = given().get("/api/datasources/" + id).then().extract().jsonPath();
                DataSourceBody body = DataSourceBody.migrator(target.port()).identifier(current.getString("identifier"))
                        .without("password").remarks("updated during rotation").version(current.getLong("version"));
                int status = given().body(body).put("/api/datasources/" + id).statusCode();
                if (status != 200 && status != 409) {
                    failures.add("PUT " + id + ": " + status);
                }
            }
        }
    }

    private static List<String> sourcesSealedUnderThePreviousKey() throws SQLException {
        SecretCipher previous = SecretCipher.fromBase64(StoredRows.TEST_KEY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            DataSourceBody body = DataSourceBody.migrator(target.port())
                    .identifier("rot" + i + UUID.randomUUID().toString().substring(0, 6).replace("-", ""));
            ids.add(given().body(body).post("/api/datasources").then().statusCode(201).extract().jsonPath().getString("id"));
        }
        try (Connection store = RestartablePostgresResource.connect();
                PreparedStatement reseal = store.prepareStatement("UPDATE data_source SET password_sealed = ? WHERE id = ?")) {
            for (String id : ids) {
                reseal.setString(1, previous.seal(Secret.of(TargetServer.MIGRATOR_PASSWORD), id));
                reseal.setObject(2, UUID.fromString(id));
                reseal.executeUpdate();
            }
        }
        return ids;
    }

    private static String column(String id) throws SQLException {
        try (Connection store = RestartablePostgresResource.connect();
                PreparedStatement read = store.prepareStatement("SELECT password_sealed FROM data_source WHERE id = ?")) {
            read.setObject(1, UUID.fromString(id));
            try (var row = read.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
