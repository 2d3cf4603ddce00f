package io.dsm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.client.api.ConnectionTestsApi;
import io.dsm.client.api.DataSourcesApi;
import io.dsm.client.api.ReadinessWatchApi;
import io.dsm.client.api.RegionsApi;
import io.dsm.client.api.UsersApi;
import io.dsm.client.model.Check;
import io.dsm.client.model.CheckName;
import io.dsm.client.model.CheckStatus;
import io.dsm.client.model.ConnectionTestInput;
import io.dsm.client.model.ConnectionTestResult;
import io.dsm.client.model.DataSource;
import io.dsm.client.model.DataSourceInput;
import io.dsm.client.model.DataSourcePage;
import io.dsm.client.model.DataSourceType;
import io.dsm.client.model.DatabaseAttribute;
import io.dsm.client.model.Problem;
import io.dsm.client.model.Role;
import io.dsm.client.model.SourceReadiness;
import io.dsm.client.model.UserInput;
import io.dsm.client.model.Violation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The generated client as a service that calls dsm uses it: against the packaged backend (java -jar,
 * its embedded store) and a real PostgreSQL with password authentication to test connections to.
 * The service signs in with HTTP Basic as a user of its own with the OPERATOR role, which the first
 * administrator creates through the same client. Errors arrive as ApiException whose body is the
 * API's problem+json, read into the generated Problem.
 */
class DsmClientIT {

    private static final String MIGRATOR = "migrator";
    private static final String MIGRATOR_PASSWORD = "pw-Client-IT-7f3e21";
    private static final String DATABASE = "orders";
    private static final String ADMIN_PASSWORD = "pw-Client-IT-Admin-51c0";
    private static final String SERVICE_USER = "billing-sync";
    private static final String SERVICE_PASSWORD = "pw-Client-IT-Service-a9d2";

    private static EmbeddedPostgres target;
    private static Process app;
    private static Path log;
    private static String baseUri;
    private static ApiClient client;
    private static DataSourcesApi dataSources;
    private static ConnectionTestsApi connectionTests;

    @BeforeAll
    static void startTheServiceAndATarget() throws Exception {
        target = startTarget();
        Path dir = Files.createTempDirectory("dsm-client-it");
        log = dir.resolve("dsm.log");
        int port = freePort();
        Path jar = Path.of(System.getProperty("dsm.app", "../target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).as("the packaged backend (the backend module's package phase)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("DSM_"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DSM_DATA_DIR", dir.resolve("data").toString());
        env.put("DSM_CONNECT_ALLOW", "127.0.0.0/8,::1/128");
        env.put("DSM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        app = builder.start();
        baseUri = "http://localhost:" + port;
        awaitReady(baseUri);

        // The administrator gives the calling service an account with the least role it needs.
        new UsersApi(signedIn("admin", ADMIN_PASSWORD))
                .createUser(new UserInput().username(SERVICE_USER).role(Role.OPERATOR).password(SERVICE_PASSWORD));
        client = signedIn(SERVICE_USER, SERVICE_PASSWORD);
        dataSources = new DataSourcesApi(client);
        connectionTests = new ConnectionTestsApi(client);
    }

    /** A client that sends HTTP Basic credentials with every request (the document's basicAuth scheme). */
    static ApiClient signedIn(String username, String password) {
        ApiClient signedIn = anonymous();
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        signedIn.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return signedIn;
    }

    static ApiClient anonymous() {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(baseUri);
        anonymous.setReadTimeout(Duration.ofSeconds(30));
        return anonymous;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void createsFindsReadsUpdatesAndDeletesADataSource() throws Exception {
        DataSource created = dataSources.createDataSource(input("client01").remarks("orders of the shop"));
        assertThat(created.getId()).isNotNull();
        assertThat(created.getIdentifier()).isEqualTo("client01");
        assertThat(created.getType()).isEqualTo(DataSourceType.POSTGRESQL);
        assertThat(created.getAttribute()).isEqualTo(DatabaseAttribute.PRIMARY);
        assertThat(created.getPasswordSet()).isTrue();
        assertThat(created.getVersion()).isZero();
        assertThat(created.getCreatedAt()).isNotNull();

        DataSourcePage found = dataSources.listDataSources(null, 1, "client0", null, null, 20, "identifier", null);
        assertThat(found.getItems()).extracting(DataSource::getId).contains(created.getId());
        assertThat(found.getTotal()).isGreaterThanOrEqualTo(1L);
        assertThat(dataSources.listDataSources(null, null, "nothing-like-it", null, null, null, null, null).getItems()).isEmpty();

        DataSource read = dataSources.getDataSource(created.getId());
        assertThat(read.getReadiness().getState()).isNotNull();
        SourceReadiness readiness = new ReadinessWatchApi(client).getDataSourceReadiness(created.getId());
        assertThat(readiness.getDataSourceId()).isEqualTo(created.getId());
        assertThat(readiness.getHistory()).isNotNull();
        assertThat(dataSources.listDataSources(null, null, "client0", "BLOCKED,UNREACHABLE,WARNINGS,READY,UNKNOWN", null, 100, null, null)
                .getItems()).extracting(DataSource::getId).contains(created.getId());
        assertThat(read.getRemarks()).isEqualTo("orders of the shop");
        assertThat(read.getHost()).isEqualTo("127.0.0.1");

        // An update sends the version it read; the password may be left out to keep the stored one.
        DataSource updated = dataSources.updateDataSource(created.getId(),
                input("client01").password(null).remarks("orders, archived").version(read.getVersion()));
        assertThat(updated.getRemarks()).isEqualTo("orders, archived");
        assertThat(updated.getVersion()).isEqualTo(read.getVersion() + 1);
        assertThat(updated.getPasswordSet()).isTrue();

        dataSources.deleteDataSource(created.getId(), null);
        ApiException gone = catchThrowableOfType(ApiException.class, () -> dataSources.getDataSource(created.getId()));
        assertThat(gone.getCode()).isEqualTo(404);
        Problem problem = problem(gone);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
    }

    @Test
    void testsAConnectionBeforeAndAfterSavingIt() throws Exception {
        ConnectionTestResult unsaved = connectionTests.testConnection(new ConnectionTestInput()
                .type(DataSourceType.POSTGRESQL).attribute(DatabaseAttribute.PRIMARY)
                .host("127.0.0.1").port(target.getPort()).username(MIGRATOR).password(MIGRATOR_PASSWORD)
                .databaseName(DATABASE).schemaName("sales"));
        assertThat(unsaved.getSuccess()).as(unsaved.toString()).isTrue();
        assertThat(unsaved.getServerVersion()).isNotBlank();
        assertThat(unsaved.getChecks()).extracting(Check::getName)
                .contains(CheckName.NETWORK, CheckName.AUTHENTICATION, CheckName.DATABASE, CheckName.SCHEMA);
        assertThat(unsaved.getChecks()).extracting(Check::getStatus).doesNotContain(CheckStatus.FAILED);

        DataSource saved = dataSources.createDataSource(input("client02").schemaName("sales"));
        ConnectionTestResult stored = connectionTests.testStoredConnection(saved.getId(), null);
        assertThat(stored.getSuccess()).as(stored.toString()).isTrue();

        // Edited fields are tested instead of the stored ones: a wrong password fails authentication.
        ConnectionTestResult edited = connectionTests.testStoredConnection(saved.getId(), new ConnectionTestInput()
                .type(DataSourceType.POSTGRESQL).attribute(DatabaseAttribute.PRIMARY)
                .host("127.0.0.1").port(target.getPort()).username(MIGRATOR).password("pw-Wrong-1")
                .databaseName(DATABASE));
        assertThat(edited.getSuccess()).isFalse();
        Check authentication = edited.getChecks().stream().filter(c -> c.getName() == CheckName.AUTHENTICATION).findFirst().orElseThrow();
        assertThat(authentication.getStatus()).isEqualTo(CheckStatus.FAILED);
        assertThat(authentication.getSqlState()).isEqualTo("28P01");
        assertThat(authentication.getHint()).isNotBlank();
        dataSources.deleteDataSource(saved.getId(), null);
    }

    @Test
    void rejectsInvalidInputWithAViolationPerField() {
        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> dataSources.createDataSource(input("not valid!").port(0)));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(invalid.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = problem(invalid);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getViolations()).extracting(Violation::getField).contains("identifier", "port");
        assertThat(problem.getViolations()).allSatisfy(v -> assertThat(v.getMessage()).isNotBlank());
    }

    @Test
    void refusesAStaleVersionAndADuplicateIdentifierWithConflicts() throws Exception {
        DataSource created = dataSources.createDataSource(input("client03"));
        dataSources.updateDataSource(created.getId(), input("client03").remarks("first").version(created.getVersion()));

        ApiException stale = catchThrowableOfType(ApiException.class, () -> dataSources.updateDataSource(created.getId(),
                input("client03").remarks("second").version(created.getVersion())));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(problem(stale).getStatus()).isEqualTo(409);
        assertThat(dataSources.getDataSource(created.getId()).getRemarks()).isEqualTo("first");

        ApiException duplicate = catchThrowableOfType(ApiException.class, () -> dataSources.createDataSource(input("CLIENT03")));
        assertThat(duplicate.getCode()).isEqualTo(409);
        Problem problem = problem(duplicate);
        assertThat(problem.getViolations()).extracting(Violation::getField).containsExactly("identifier");
        assertThat(dataSources.checkIdentifierAvailability("Client03", null).getAvailable()).isFalse();
        dataSources.deleteDataSource(created.getId(), null);
        assertThat(dataSources.checkIdentifierAvailability("Client03", null).getAvailable()).isTrue();
    }

    @Test
    void answersAMissingDataSourceWithNotFound() {
        UUID nobody = UUID.randomUUID();
        for (ThrowingCall call : List.<ThrowingCall>of(() -> dataSources.getDataSource(nobody),
                () -> dataSources.deleteDataSource(nobody, null),
                () -> dataSources.updateDataSource(nobody, input("client04").version(0L)),
                () -> connectionTests.testStoredConnection(nobody, null))) {
            ApiException missing = catchThrowableOfType(ApiException.class, call::run);
            assertThat(missing.getCode()).isEqualTo(404);
            assertThat(problem(missing).getStatus()).isEqualTo(404);
        }
    }

    @Test
    void listsTheRegions() throws Exception {
        assertThat(new RegionsApi(client).listRegions().getRegions()).containsExactly("default");
    }

    @Test
    void refusesCallersWithoutCredentialsOrWithTooSmallARole() throws Exception {
        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new DataSourcesApi(anonymous()).listDataSources(null, null, null, null, null, null, null, null));
        assertThat(anonymous.getCode()).isEqualTo(401);
        assertThat(problem(anonymous).getStatus()).isEqualTo(401);

        ApiException wrongPassword = catchThrowableOfType(ApiException.class,
                () -> new DataSourcesApi(signedIn(SERVICE_USER, "pw-Not-The-One-0")).getDataSource(UUID.randomUUID()));
        assertThat(wrongPassword.getCode()).isEqualTo(401);

        ApiException operatorManagingUsers = catchThrowableOfType(ApiException.class,
                () -> new UsersApi(client).listUsers());
        assertThat(operatorManagingUsers.getCode()).isEqualTo(403);
        assertThat(problem(operatorManagingUsers).getStatus()).isEqualTo(403);
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    private static DataSourceInput input(String identifier) {
        return new DataSourceInput().identifier(identifier).type(DataSourceType.POSTGRESQL).attribute(DatabaseAttribute.PRIMARY)
                .host("127.0.0.1").port(target.getPort()).username(MIGRATOR).password(MIGRATOR_PASSWORD).databaseName(DATABASE);
    }

    /** The problem+json body of an error, as the generated model. */
    private static Problem problem(ApiException e) {
        try {
            return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        } catch (IOException unreadable) {
            throw new AssertionError("Not a problem: " + e.getResponseBody(), unreadable);
        }
    }

    /** A PostgreSQL set up like a migration source: scram passwords on TCP, a migration user, a schema it can read. */
    private static EmbeddedPostgres startTarget() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        String superuser = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        Path hba;
        try (Connection connection = DriverManager.getConnection(superuser + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE " + MIGRATOR + " LOGIN PASSWORD '" + MIGRATOR_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE);
            try (ResultSet row = statement.executeQuery("SHOW hba_file")) {
                row.next();
                hba = Path.of(row.getString(1));
            }
        }
        try (Connection connection = DriverManager.getConnection(superuser + DATABASE, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.orders (id int PRIMARY KEY)");
            statement.execute("GRANT USAGE ON SCHEMA sales TO " + MIGRATOR);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA sales TO " + MIGRATOR);
        }
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        try (Connection connection = DriverManager.getConnection(superuser + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
        return postgres;
    }

    private static void awaitReady(String baseUrl) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("dsm exited during startup:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("dsm was not ready within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
