package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real streaming standby of a {@link LogicalTarget}, in recovery and replaying the primary's WAL as
 * it comes. Zonky ships no pg_basebackup, so the standby starts from a copy of the primary's data
 * directory taken while the primary is stopped: a clean shutdown leaves a checkpoint that is a valid
 * base backup. It streams from the physical slot {@value #SLOT} on the primary, so the primary keeps
 * the WAL it has not received yet, and learns of the standby's reads when hot_standby_feedback is on.
 * Its settings go to postgresql.auto.conf, where ALTER SYSTEM on the standby can change them.
 */
public final class StreamingStandby implements AutoCloseable {

    public static final String SLOT = "dsm_standby";
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final LogicalTarget primary;
    private final TargetServer server;

    private StreamingStandby(LogicalTarget primary, TargetServer server) {
        this.primary = primary;
        this.server = server;
    }

    /** @param settings the standby's own settings, as names and values in turn: {@code "hot_standby_feedback", "off"} */
    public static StreamingStandby of(LogicalTarget primary, String... settings) {
        TargetServer source = primary.server();
        source.hba("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256",
                "host replication postgres 127.0.0.1/32 trust");
        source.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
        try {
            source.stop();
            Path copy = Files.createTempDirectory("dsm-standby");
            copyCluster(source.dataDir(), copy);
            source.restart();
            Files.writeString(copy.resolve("standby.signal"), "");
            StringBuilder conf = new StringBuilder("\nprimary_conninfo = 'host=127.0.0.1 port=" + source.port()
                    + " user=postgres application_name=" + SLOT + "'\nprimary_slot_name = '" + SLOT + "'\n");
            for (int i = 0; i < settings.length; i += 2) {
                conf.append(settings[i]).append(" = '").append(settings[i + 1]).append("'\n");
            }
            Files.writeString(copy.resolve("postgresql.auto.conf"), conf.toString(), java.nio.file.StandardOpenOption.APPEND);
            Map<String, String> config = new LinkedHashMap<>(source.serverConfig());
            config.put("log_directory", Files.createTempDirectory("dsm-standby-log").toString());
            StreamingStandby standby = new StreamingStandby(primary, TargetServer.startExisting(source.binaries(), config, copy));
            standby.awaitStreaming();
            return standby;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TargetServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** A test-connection body for {@value LogicalTarget#CDC} on the standby, as {@link LogicalTarget#source} is on the primary. */
    public DataSourceBody source(String database) {
        return primary.source(database).port(server.port());
    }

    /** Waits until the standby has replayed everything the primary has logged so far, flushed or not yet. */
    public void catchUp() {
        String written = primary.server().queryIn("postgres", "SELECT pg_current_wal_insert_lsn()");
        await("replay reaches " + written, () -> "t".equals(server.queryIn("postgres",
                "SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn")));
    }

    /**
     * Waits until the primary's slot for the standby holds the standby's xmin (hot_standby_feedback
     * arrived), or no longer holds one (feedback is off), so that the primary's vacuum acts on it.
     */
    public void awaitFeedback(boolean on) {
        await("feedback " + (on ? "on" : "off"), () -> (on ? "t" : "f").equals(primary.server().queryIn("postgres",
                "SELECT xmin IS NOT NULL FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")));
    }

    /** Waits until the standby's logical slots hold back the primary's catalog vacuum through feedback. */
    public void awaitCatalogFeedback() {
        await("catalog feedback", () -> "t".equals(primary.server().queryIn("postgres",
                "SELECT catalog_xmin IS NOT NULL FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")));
    }

    /** Sets one of the standby's settings as a DBA would: ALTER SYSTEM on the standby, then a reload. */
    public void set(String name, String value) {
        server.execute("ALTER SYSTEM SET " + name + " = '" + value + "'");
        server.execute("SELECT pg_reload_conf()");
    }

    /**
     * Creates a logical slot on the standby, as a project decoding there would (PostgreSQL 16 and later):
     * the creation waits for a running-transactions record from the primary, which it is sent.
     */
    public void createLogicalSlot(String database, String slot) {
        java.util.concurrent.CompletableFuture<Void> created = java.util.concurrent.CompletableFuture.runAsync(() -> server.executeIn(
                database, "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')"));
        await("slot " + slot + " on the standby", () -> {
            primary.server().execute("SELECT pg_log_standby_snapshot()");
            return created.isDone();
        });
        created.join();
    }

    private void awaitStreaming() {
        await("the standby streams", () -> "1".equals(primary.server().queryIn("postgres",
                "SELECT count(*) FROM pg_stat_replication WHERE application_name = '" + SLOT + "' AND state = 'streaming'")));
        catchUp();
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void copyCluster(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (NOT_COPIED.contains(relative.toString()) || relative.startsWith("pg_replslot") && relative.getNameCount() > 1) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Override
    public void close() {
        server.close();
        primary.server().execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
    }
}
