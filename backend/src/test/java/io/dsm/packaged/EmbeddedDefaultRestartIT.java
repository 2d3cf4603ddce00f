package io.dsm.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.testing.PostgresHandshake;

/** The packaged app with its embedded default: what an operator stores is there after a restart. */
class EmbeddedDefaultRestartIT {

    private static final String PASSWORD = "pw-Survives-Restart-41d9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsDataSourcesAndTheirPasswordsAcrossARestart(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("app.log");
        String id;
        try (PackagedApp app = PackagedApp.start(dataDir, log, Map.of())) {
            HttpResponse<String> created = post(app, "/api/datasources", """
                    {"identifier": "restart01", "type": "POSTGRESQL", "attribute": "PRIMARY", "host": "db.example",
                     "port": 5432, "username": "migrator", "password": "%s", "databaseName": "orders"}""".formatted(PASSWORD));
            assertThat(created.statusCode()).isEqualTo(201);
            id = JSON.readTree(created.body()).get("id").asText();
            assertThat(app.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the embedded server stops with the app").doesNotExist();
        assertThat(dataDir.resolve("secret.key")).exists();

        try (PackagedApp app = PackagedApp.start(dataDir, log, Map.of())) {
            HttpResponse<String> read = get(app, "/api/datasources/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(read.body());
            assertThat(body.get("identifier").asText()).isEqualTo("restart01");
            assertThat(body.get("passwordSet").asBoolean()).isTrue();

            SecretCipher cipher = SecretCipher.fromBase64(Files.readString(dataDir.resolve("secret.key")));
            assertThat(cipher.open(storedPassword(dataDir, id), id).reveal()).isEqualTo(PASSWORD);
            assertThat(app.output()).doesNotContain(PASSWORD).contains("Embedded PostgreSQL started");
            assertThat(app.output()).as("the store's password is never logged").doesNotContain(storePassword(dataDir));
            assertThat(app.output()).as("the warm-up, dsm's own test of its store, is not refused like a user's")
                    .containsPattern("with ([1-9]\\d*) tests of dsm's own store \\(\\1 passed\\)");
        }
    }

    @Test
    void refusesEverySignInToItsStoreWithoutTheStoresPassword(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        try (PackagedApp app = PackagedApp.start(dataDir, dir.resolve("app.log"), Map.of())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres.password"))))
                    .isEqualTo("rw-------");
            Properties noPassword = new Properties();
            noPassword.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(storeUrl(dataDir), noPassword).close()).as("no password").isInstanceOfSatisfying(SQLException.class,
                    // 08004: pgjdbc gives up by itself once the server asks for SCRAM and it has no password
                    e -> assertThat(e.getSQLState()).isIn("28P01", "28000", "08004"));
            assertThat(PostgresHandshake.firstAuthenticationRequest(storePort(dataDir))).as("what the server asks a client without one")
                    .isEqualTo(PostgresHandshake.AUTHENTICATION_SASL);
            assertThatThrownBy(() -> DriverManager.getConnection(storeUrl(dataDir), "postgres", "any").close()).as("a wrong one")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void refusesAConnectionTestToItsOwnStoreEvenWithTheStoresPasswordAndLoopbackAllowed(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("app.log");
        for (Map<String, String> environment : List.of(Map.<String, String> of(), Map.of("DSM_CONNECT_ALLOW", "127.0.0.0/8,::1/128"))) {
            try (PackagedApp app = PackagedApp.start(dataDir, log, environment)) {
                for (String host : List.of("127.0.0.1", "localhost")) {
                    HttpResponse<String> tested = post(app, "/api/datasources/test-connection", """
                            {"type": "POSTGRESQL", "attribute": "PRIMARY", "host": "%s", "port": %d, "username": "postgres",
                             "password": "%s", "databaseName": "postgres"}""".formatted(host, storePort(dataDir), storePassword(dataDir)));
                    String what = host + " with " + environment;
                    assertThat(tested.statusCode()).as(what).isEqualTo(200);
                    JsonNode result = JSON.readTree(tested.body());
                    assertThat(result.get("success").asBoolean()).as(what).isFalse();
                    JsonNode network = check(result, "NETWORK");
                    assertThat(network.get("status").asText()).as(what).isEqualTo("FAILED");
                    assertThat(network.get("message").asText()).as(what).contains("dsm's own embedded store")
                            .contains("Nothing was sent to it");
                    assertThat(check(result, "AUTHENTICATION").get("status").asText()).as(what).isEqualTo("SKIPPED");
                    assertThat(tested.body()).doesNotContain(storePassword(dataDir));
                }
            }
        }
    }

    @Test
    void printsARandomFirstAdminPasswordOnceOnTheFirstStartOnly(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("app.log");
        Map<String, String> noAdminPassword = Map.of("DSM_ADMIN_PASSWORD", "");
        String password;
        try (PackagedApp app = PackagedApp.start(dataDir, log, noAdminPassword)) {
            java.util.regex.Matcher printed = java.util.regex.Pattern
                    .compile("administrator 'admin' with the password: (\\S+)").matcher(app.output());
            assertThat(printed.find()).as("the first start prints the password:\n" + app.output()).isTrue();
            password = printed.group(1);
            assertThat(password).hasSize(20);
            assertThat(get(app, "/api/session", PackagedApp.basic("admin", password)).statusCode()).isEqualTo(200);
            assertThat(get(app, "/api/session", PackagedApp.basic("admin", "not-" + password)).statusCode()).isEqualTo(401);
        }
        try (PackagedApp app = PackagedApp.start(dataDir, log, noAdminPassword)) {
            assertThat(app.output().split(java.util.regex.Pattern.quote(password), -1)).as("printed once, never again").hasSize(2);
            assertThat(get(app, "/api/session", PackagedApp.basic("admin", password)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesToStartWithAMalformedSecretKeyAndSaysWhy(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        assertThat(startFailure(dir, log, Map.of("DSM_SECRET_KEY", "dG9vLXNob3J0")))
                .contains("DSM_SECRET_KEY decodes to 9 bytes; it must be 32 bytes")
                .doesNotContain("dG9vLXNob3J0")
                .doesNotContain("\tat ");
    }

    @Test
    void refusesToStartWithInvalidRegionsAndSaysWhy(@TempDir Path dir) throws Exception {
        assertThat(startFailure(dir, dir.resolve("app.log"), Map.of("DSM_REGIONS", "east,east")))
                .contains("DSM_REGIONS is invalid: 'east' is listed twice")
                .doesNotContain("\tat ");
    }

    private static JsonNode check(JsonNode result, String name) {
        for (JsonNode check : result.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No " + name + " check in " + result);
    }

    private static String startFailure(Path dir, Path log, Map<String, String> environment) throws Exception {
        try (PackagedApp app = PackagedApp.start(dir.resolve("data"), log, environment)) {
            throw new AssertionError("The app started with " + environment);
        } catch (IllegalStateException expected) {
            return Files.readString(log);
        }
    }

    private static String storedPassword(Path dataDir, String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(storeUrl(dataDir), "postgres", storePassword(dataDir));
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT password_sealed FROM data_source WHERE id = '" + java.util.UUID.fromString(id) + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    /** The embedded store's URL, from the port its server wrote into postmaster.pid. */
    private static String storeUrl(Path dataDir) throws Exception {
        return "jdbc:postgresql://localhost:" + storePort(dataDir) + "/postgres";
    }

    private static int storePort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    private static String storePassword(Path dataDir) throws Exception {
        return Files.readString(dataDir.resolve("postgres.password")).strip();
    }

    private HttpResponse<String> post(PackagedApp app, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", PackagedApp.adminAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(PackagedApp app, String path) throws Exception {
        return get(app, path, PackagedApp.adminAuthorization());
    }

    private HttpResponse<String> get(PackagedApp app, String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
