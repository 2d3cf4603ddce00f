package io.dsm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * dsm's default store: a PostgreSQL server run from jars, its data kept in the data directory so
 * that it survives restarts. One per JVM; it lives until the application stops.
 */
public final class EmbeddedStore {

    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class);
    private static EmbeddedPostgres server;

    private EmbeddedStore() {
    }

    /** Starts the server if it is not running and returns its JDBC URL. */
    public static synchronized String start(Path dataDir) {
        if (server == null) {
            Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
            createPrivateDirectory(dataDir);
            long started = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "localhost")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL could not start with data in " + pgData, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedStore::stop, "dsm-embedded-store-stop"));
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms, data in %s", server.getPort(),
                    (System.nanoTime() - started) / 1_000_000, pgData);
        }
        // zonky's own getJdbcUrl appends ?user=, which overrides the configured user; build it here.
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    public static synchronized boolean isRunning() {
        return server != null;
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
            }
        }
    }

    static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory " + dir.toAbsolutePath() + " cannot be created", e);
        }
    }
}
