package io.dsm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * dsm's default store: a PostgreSQL server run from jars, its data kept in the data directory so
 * that it survives restarts. One per JVM; it lives until the application stops. It listens on this
 * host's loopback addresses only and signs in with SCRAM and the password kept in
 * {@code DSM_DATA_DIR/postgres.password} (see {@link StoreAuthentication}).
 */
public final class EmbeddedStore {

    /** How the application signs in to the store. The password stays out of {@link #toString()}. */
    public record Login(String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "Login[" + jdbcUrl + " as " + username + "]";
        }
    }

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);
    private static EmbeddedPostgres server;
    private static Login login;

    private EmbeddedStore() {
    }

    /** Starts the server if it is not running and returns how to sign in to it. */
    public static synchronized Login start(Path dataDir) {
        if (server == null) {
            Path root = dataDir.toAbsolutePath().normalize();
            createPrivateDirectory(root);
            long started = System.nanoTime();
            StorePassword password = StorePassword.in(root);
            Path pgData = root.resolve("postgres");
            // zonky's own test for a data directory that exists: it runs initdb when this file is missing.
            boolean existing = Files.exists(pgData.resolve("postgresql.conf"));
            AtomicBoolean hbaRewritten = new AtomicBoolean();
            EmbeddedPostgres postgres = launch(root, pgData, password, hbaRewritten);
            checkAuthentication(postgres, pgData);
            server = postgres;
            login = new Login("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", USER, password.value());
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedStore::stop, "dsm-embedded-store-stop"));
            Path passwordFile = root.resolve(StorePassword.FILE);
            if (existing && hbaRewritten.get()) {
                LOG.infof("Upgraded the embedded store in %s in place: it now admits only connections with its password (SCRAM), "
                        + "which is kept in %s, readable by its owner only; the data is unchanged", pgData, passwordFile);
            } else if (existing && password.generated()) {
                LOG.infof("Gave the embedded store a new password, kept in %s, readable by its owner only", passwordFile);
            }
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms, data in %s", server.getPort(),
                    (System.nanoTime() - started) / 1_000_000, pgData);
        }
        // zonky's own getJdbcUrl appends ?user=, which overrides the configured user; the URL is built here.
        return login;
    }

    private static EmbeddedPostgres launch(Path root, Path pgData, StorePassword password, AtomicBoolean hbaRewritten) {
        StoreBinaries binaries = new StoreBinaries(root);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPgBinaryResolver(binaries)
                    .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky passes these through pg_ctl's shell: '' is the empty value, no unix socket at all.
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // A postgresql.conf edited to read another hba_file cannot bring trust back.
                    .setServerConfig("hba_file", shellQuoted(pgData.resolve("pg_hba.conf").toString()))
                    // zonky's start-up check signs in with these; the password goes nowhere else.
                    .setConnectConfig("password", password.value())
                    // Runs after initdb, before the server starts.
                    .setDataDirectoryCustomizer(dir -> hbaRewritten.set(prepare(pgData, password, binaries)))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start with data in " + pgData, e);
        }
    }

    /** A server that does not authenticate as dsm set it up is stopped again, and the start fails saying why. */
    private static void checkAuthentication(EmbeddedPostgres postgres, Path pgData) {
        try {
            StoreAuthentication.verify(postgres.getPostgresDatabase(), pgData.resolve("pg_hba.conf"));
        } catch (SQLException e) {
            close(postgres);
            throw new IllegalStateException("The embedded PostgreSQL started but dsm could not check how it authenticates: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(postgres);
            throw e;
        }
    }

    public static synchronized boolean isRunning() {
        return server != null;
    }

    /** The port the running store listens on at this host's loopback addresses. */
    static synchronized OptionalInt port() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPort());
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warnf("The embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            } finally {
                server = null;
                login = null;
            }
        }
    }

    private static boolean prepare(Path pgData, StorePassword password, StoreBinaries binaries) {
        try {
            return StoreAuthentication.prepare(pgData, password, binaries.program("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("The embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    /** For pg_ctl's shell: 'a b' stays one word, and a quote inside is closed, escaped and reopened. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory " + dir.toAbsolutePath() + " cannot be created", e);
        }
    }
}
