package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL source set up for incremental sync, as a migration team would: wal_level logical,
 * a few replication slots and WAL senders, bounded slot WAL, and a user {@value #CDC} with
 * REPLICATION. Each test gets a database of its own ({@link #database}), with schema {@code app}
 * owned by that user, so that its tables and publications are its own; slots are server-wide, so
 * a test that creates them drops them. The server logs to a file the tests can read.
 */
public final class LogicalTarget implements AutoCloseable {

    public static final String CDC = "cdc";
    public static final String CDC_PASSWORD = "pw-Cdc-7f3a91";
    public static final int MAX_SLOTS = 4;
    public static final int MAX_WAL_SENDERS = 6;
    /** Prepared transactions are off by default (0); slot creation waits for them, which tests show. */
    public static final int MAX_PREPARED_TRANSACTIONS = 4;

    private final TargetServer server;
    private final Path logDirectory;

    private LogicalTarget(TargetServer server, Path logDirectory) {
        this.server = server;
        this.logDirectory = logDirectory;
    }

    /** @param binaries a zonky binaries version (for example {@code 12.22.0}), or null for the default */
    public static LogicalTarget start(String binaries) {
        try {
            Path logs = Files.createTempDirectory("dsm-target-log");
            Map<String, String> config = new LinkedHashMap<>(TargetServer.config(
                    "wal_level", "logical",
                    "max_replication_slots", String.valueOf(MAX_SLOTS),
                    "max_wal_senders", String.valueOf(MAX_WAL_SENDERS),
                    "max_prepared_transactions", String.valueOf(MAX_PREPARED_TRANSACTIONS),
                    "logging_collector", "on",
                    "log_directory", logs.toString(),
                    "log_filename", "postgresql.log"));
            TargetServer server = TargetServer.start(binaries, config);
            if (Integer.parseInt(server.majorVersion()) >= 13) {
                server.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1GB'", "SELECT pg_reload_conf()");
            }
            server.execute("SET password_encryption = 'scram-sha-256'",
                    "CREATE ROLE " + CDC + " LOGIN REPLICATION PASSWORD '" + CDC_PASSWORD + "'");
            return new LogicalTarget(server, logs);
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

    public int major() {
        return Integer.parseInt(server.majorVersion());
    }

    /**
     * A new database with schema {@code app} owned by {@value #CDC}, CREATE on the database for it,
     * and the statements run as that user (so it owns what they create).
     */
    public String database(String name, String... asCdc) {
        server.createDatabase(name);
        List<String> statements = new ArrayList<>(List.of("CREATE SCHEMA app AUTHORIZATION " + CDC,
                "GRANT CREATE ON DATABASE " + name + " TO " + CDC, "SET ROLE " + CDC));
        statements.addAll(List.of(asCdc));
        statements.add("RESET ROLE");
        server.executeIn(name, statements.toArray(String[]::new));
        return name;
    }

    /** A test-connection body for {@value #CDC} on schema {@code app} of the database. */
    public DataSourceBody source(String database) {
        return DataSourceBody.migrator(server.port()).username(CDC).password(CDC_PASSWORD).databaseName(database).schemaName("app");
    }

    /** A session as {@value #CDC} in the database, for showing what the server does to the project's sessions. */
    public java.sql.Connection asCdc(String database) throws java.sql.SQLException {
        return server.connectAs(database, CDC, CDC_PASSWORD);
    }

    /** How many lines of the server's log contain the text so far. */
    public long logLines(String containing) {
        try (var lines = Files.lines(logDirectory.resolve("postgresql.log"))) {
            return lines.filter(line -> line.contains(containing)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
