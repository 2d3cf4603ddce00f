package io.dsm.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.testing.TargetServer;
import io.dsm.testing.TestDatabase;

/**
 * Two dsm instances on one store, as behind a load balancer: what one writes the other reads, and
 * each data source's heartbeat is written by one instance at a time, until that instance dies and
 * the other takes over; both share the readiness watch's checks, and the survivor checks every
 * source once the other is gone.
 */
class TwoInstancesIT {

    private static final int SOURCES = 6;
    private static final String INTERVAL = "500ms";
    private static final int WATCH_INTERVAL_SECONDS = 5;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shareTheStoreAndNeverBothBeatOneDataSource(@TempDir Path dir) throws Exception {
        try (TestDatabase store = TestDatabase.start(); TargetServer target = TargetServer.start()) {
            prepareLoggedHeartbeatTables(target);
            Path provisioning = Files.createDirectories(dir.resolve("provisioning"));
            Path secrets = Files.createDirectories(dir.resolve("secrets"));
            Files.writeString(secrets.resolve("prov01.pw"), TargetServer.MIGRATOR_PASSWORD + "\n");
            Files.writeString(provisioning.resolve("orders.yaml"), provisioned(target, 5432));
            Map<String, String> env = Map.ofEntries(
                    Map.entry("DSM_PROVISIONING_DIR", provisioning.toString()),
                    Map.entry("DSM_PROVISIONING_SCAN_INTERVAL", "500ms"),
                    Map.entry("DSM_SECRETS_DIR", secrets.toString()),
                    Map.entry("QUARKUS_DATASOURCE_JDBC_URL", store.jdbcUrl()),
                    Map.entry("QUARKUS_DATASOURCE_USERNAME", store.username()),
                    Map.entry("QUARKUS_DATASOURCE_PASSWORD", store.password()),
                    Map.entry("DSM_SECRET_KEY", SecretCipher.generateBase64Key()),
                    Map.entry("DSM_HEARTBEAT_INTERVAL", INTERVAL),
                    Map.entry("DSM_WATCH_INTERVAL", WATCH_INTERVAL_SECONDS + "s"),
                    Map.entry("DSM_TEST_TIMEOUT", "2s"),
                    Map.entry("DSM_CONNECT_ALLOW", "127.0.0.0/8,::1/128"));
            PackagedApp first = PackagedApp.start(dir.resolve("a"), dir.resolve("a.log"), env);
            try (PackagedApp second = PackagedApp.start(dir.resolve("b"), dir.resolve("b.log"), env)) {
                // What one instance creates, the other reads, changes and deletes.
                String id = create(first, body("crud01", target, "s1", false));
                assertThat(send(second, "GET", "/api/datasources/" + id, null).statusCode()).isEqualTo(200);
                assertThat(send(second, "PUT", "/api/datasources/" + id,
                        body("crud01", target, "s1", false).replace("}", ", \"remarks\": \"edited on b\", \"version\": 0}"))
                        .body()).contains("edited on b");
                assertThat(send(first, "GET", "/api/datasources/" + id, null).body()).contains("edited on b");
                assertThat(send(second, "DELETE", "/api/datasources/" + id, null).statusCode()).isEqualTo(204);
                assertThat(send(first, "GET", "/api/datasources/" + id, null).statusCode()).isEqualTo(404);

                // The same provisioning folder on both: each file is applied once, and an edit once, by one of them.
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> audited(second, "DATA_SOURCE_CREATED") == 1);
                Files.writeString(provisioning.resolve("orders.yaml"), provisioned(target, target.port()));
                Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> audited(first, "DATA_SOURCE_UPDATED") == 1);
                Thread.sleep(1500);
                assertThat(audited(second, "DATA_SOURCE_CREATED")).as("creates of the provisioned source").isEqualTo(1);
                assertThat(audited(second, "DATA_SOURCE_UPDATED")).as("updates of the provisioned source").isEqualTo(1);
                assertThat(send(second, "GET", "/api/datasources?q=prov01", null).body()).contains("\"provisionedBy\":\"orders.yaml\"")
                        .contains("\"port\":" + target.port()).doesNotContain(TargetServer.MIGRATOR_PASSWORD);

                for (int i = 1; i <= SOURCES; i++) {
                    create(i % 2 == 0 ? first : second, body("beat" + i, target, "s" + i, true));
                }
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        assertThat(writersPerSchema(target)).as("writers per schema").hasSize(SOURCES);
                        assertThat(allWriters(target)).as("writers").hasSize(2);
                    });
                } catch (AssertionError | RuntimeException e) {
                    System.out.println("FIRST:\n" + first.output());
                    System.out.println("SECOND:\n" + second.output());
                    throw e;
                }
                Thread.sleep(3000);
                assertThat(allWriters(target)).as("both instances write some of the beats")
                        .containsExactlyInAnyOrder(first.heartbeatWriter(), second.heartbeatWriter());
                // The readiness watch: both instances check sources, each source once per interval.
                Set<String> checkers = new LinkedHashSet<>();
                Awaitility.await().atMost(Duration.ofSeconds(WATCH_INTERVAL_SECONDS * 6)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            checkers.addAll(watchCheckers(store));
                            assertThat(checkers).as("instances that stored readiness checks")
                                    .containsExactlyInAnyOrder(first.watchInstance(), second.watchInstance());
                        });
                String watchSurvivor = second.watchInstance();

                // An instance that dies without a word: the other takes over within a few intervals.
                long lastBeatBeforeKill = lastLogId(target);
                long killed = System.nanoTime();
                java.time.Instant killedAt = java.time.Instant.now();
                first.kill();
                String survivor = second.heartbeatWriter();
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> schemasWrittenBy(target, survivor, lastBeatBeforeKill).size() == SOURCES);
                long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
                // The lease outlives three intervals, then one tick claims it and the first beat follows.
                assertThat(takeoverMs).as("takeover after the other instance died").isLessThan(10 * 500);
                // Every source is checked again by the survivor: at its next due time, or once the dead
                // instance's claim (DSM_TEST_TIMEOUT + 5 s) expires.
                Awaitility.await().atMost(Duration.ofSeconds(WATCH_INTERVAL_SECONDS * 2 + 7 + 5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> sourcesCheckedSince(store, watchSurvivor, killedAt) == watchedSources(store));
            } finally {
                first.close();
            }
            assertNeverInterleaved(target);
        }
    }

    private static String provisioned(TargetServer target, int port) {
        return "apiVersion: dsm/v1\ndataSources:\n  - identifier: prov01\n    type: POSTGRESQL\n    attribute: PRIMARY\n"
                + "    host: 127.0.0.1\n    port: " + port + "\n    username: " + TargetServer.MIGRATOR + "\n"
                + "    passwordRef: file:prov01.pw\n    databaseName: " + TargetServer.DATABASE + "\n";
    }

    /** Audit events of an action by the provisioning file, as one instance reads them. */
    private int audited(PackagedApp app, String action) throws Exception {
        String body = send(app, "GET", "/api/audit?actor=provisioning:orders.yaml&action=" + action, null).body();
        return io.restassured.path.json.JsonPath.from(body).getList("items").size();
    }

    private static int watchedSources(TestDatabase store) throws SQLException {
        try (Connection connection = store.connect();
                ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM readiness_watch")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Set<String> watchCheckers(TestDatabase store) throws SQLException {
        Set<String> checkers = new LinkedHashSet<>();
        try (Connection connection = store.connect();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT DISTINCT checked_by FROM readiness_watch WHERE checked_by IS NOT NULL")) {
            while (rows.next()) {
                checkers.add(rows.getString(1));
            }
        }
        return checkers;
    }

    private static int sourcesCheckedSince(TestDatabase store, String checker, java.time.Instant since) throws SQLException {
        try (Connection connection = store.connect();
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM readiness_watch WHERE checked_by = ? AND checked_at > ?")) {
            statement.setString(1, checker);
            statement.setTimestamp(2, java.sql.Timestamp.from(since));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void prepareLoggedHeartbeatTables(TargetServer target) {
        List<String> statements = new ArrayList<>(List.of(
                "CREATE TABLE public.beat_log (id bigserial PRIMARY KEY, schema_name text, writer text, at timestamptz DEFAULT clock_timestamp())",
                """
                CREATE FUNCTION public.log_beat() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
                BEGIN
                  INSERT INTO public.beat_log (schema_name, writer) VALUES (TG_TABLE_SCHEMA, current_setting('application_name'));
                  RETURN NEW;
                END $$"""));
        for (int i = 1; i <= SOURCES; i++) {
            String schema = "s" + i;
            statements.add("CREATE SCHEMA " + schema);
            statements.add("CREATE TABLE " + schema + ".oms_postgres_heartbeat (id int NOT NULL DEFAULT 1 PRIMARY KEY, ts bigint)");
            statements.add("CREATE TRIGGER log_beat AFTER INSERT OR UPDATE ON " + schema
                    + ".oms_postgres_heartbeat FOR EACH ROW EXECUTE FUNCTION public.log_beat()");
            statements.add("GRANT USAGE ON SCHEMA " + schema + " TO " + TargetServer.MIGRATOR);
            statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + schema + ".oms_postgres_heartbeat TO " + TargetServer.MIGRATOR);
        }
        target.execute(statements.toArray(String[]::new));
    }

    /** Each schema's beats in order: a writer that hands over never writes that schema again. */
    private static void assertNeverInterleaved(TargetServer target) throws SQLException {
        Map<String, List<String>> sequences = new HashMap<>();
        try (Connection connection = connect(target);
                ResultSet rows = connection.createStatement().executeQuery("SELECT schema_name, writer FROM beat_log ORDER BY at, id")) {
            while (rows.next()) {
                sequences.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        assertThat(sequences).hasSize(SOURCES);
        sequences.forEach((schema, writers) -> {
            List<String> blocks = new ArrayList<>();
            for (String writer : writers) {
                if (blocks.isEmpty() || !blocks.get(blocks.size() - 1).equals(writer)) {
                    blocks.add(writer);
                }
            }
            assertThat(blocks).as("writers of " + schema + " in order of their beats").doesNotHaveDuplicates();
        });
    }

    private static Map<String, Set<String>> writersPerSchema(TargetServer target) throws SQLException {
        Map<String, Set<String>> writers = new HashMap<>();
        try (Connection connection = connect(target);
                ResultSet rows = connection.createStatement().executeQuery("SELECT schema_name, writer FROM beat_log")) {
            while (rows.next()) {
                writers.computeIfAbsent(rows.getString(1), k -> new LinkedHashSet<>()).add(rows.getString(2));
            }
        }
        return writers;
    }

    private static Set<String> allWriters(TargetServer target) throws SQLException {
        Set<String> all = new LinkedHashSet<>();
        writersPerSchema(target).values().forEach(all::addAll);
        return all;
    }

    private static Set<String> schemasWrittenBy(TargetServer target, String writer, long afterId) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        try (Connection connection = connect(target);
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "SELECT DISTINCT schema_name FROM beat_log WHERE writer = ? AND id > ?")) {
            statement.setString(1, writer);
            statement.setLong(2, afterId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
        }
        return schemas;
    }

    private static long lastLogId(TargetServer target) throws SQLException {
        try (Connection connection = connect(target);
                ResultSet row = connection.createStatement().executeQuery("SELECT max(id) FROM beat_log")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect(TargetServer target) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + target.port() + "/" + TargetServer.DATABASE,
                "postgres", "");
    }

    private static String body(String identifier, TargetServer target, String schema, boolean heartbeat) {
        return """
                {"identifier": "%s", "type": "POSTGRESQL", "attribute": "PRIMARY", "heartbeatEnabled": %s,
                 "host": "127.0.0.1", "port": %d, "username": "%s", "password": "%s", "databaseName": "%s",
                 "heartbeatSchema": "%s"}""".formatted(identifier, heartbeat, target.port(), TargetServer.MIGRATOR,
                TargetServer.MIGRATOR_PASSWORD, TargetServer.DATABASE, schema);
    }

    private String create(PackagedApp app, String json) throws Exception {
        HttpResponse<String> response = send(app, "POST", "/api/datasources", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> send(PackagedApp app, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", PackagedApp.adminAuthorization());
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
