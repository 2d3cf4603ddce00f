package io.dsm.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * How the embedded store signs in: SCRAM with the password kept in the data directory, over TCP
 * from this host only, and nothing else: no trust line, no unix socket. zonky's initdb writes
 * {@code trust} lines and older dsm versions kept them; both are replaced here before the server
 * starts, so the server never listens with them.
 */
final class StoreAuthentication {

    /** The whole pg_hba.conf. */
    static final String HBA = """
            # Written by dsm at every start of its embedded store: edits are replaced.
            # Only connections from this host, as a role with a password (SCRAM). The password of
            # the role postgres is kept in DSM_DATA_DIR/%s; there is no unix socket.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """.formatted(StorePassword.FILE);

    private static final String CONFIRMED = "dsm_password_set = \"t\"";

    private StoreAuthentication() {
    }

    /**
     * Runs before the server starts: sets the role's password from the file (at every start, so a
     * regenerated file or a password changed by hand in SQL is brought back in line), then writes
     * pg_hba.conf. In that order, so a crash in between never leaves SCRAM lines for a role without
     * the password.
     *
     * @return whether pg_hba.conf had to be rewritten (a data directory of an older dsm, or an edit)
     */
    static boolean prepare(Path pgData, StorePassword password, Path postgresProgram) {
        Path hba = pgData.resolve("pg_hba.conf");
        try {
            setRolePassword(postgresProgram, pgData, ScramVerifier.of(password.value()));
            if (HBA.equals(readOrEmpty(hba))) {
                return false;
            }
            PrivateFiles.write(hba, HBA);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded store's authentication could not be set up in " + pgData, e);
        }
    }

    /**
     * Sets the password in single-user mode, which opens no socket: nobody can sign in while the
     * role has no password yet. The server gets the SCRAM verifier, never the password, and logs
     * no statement, so not even the verifier reaches a log.
     */
    private static void setRolePassword(Path postgres, Path pgData, String verifier) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky does: PostgreSQL refuses to run as root, and a user namespace makes it someone else.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", pgData.toString(), "-c", "log_statement=none",
                "-c", "log_min_error_statement=panic", "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process, output), "dsm-embedded-store-single-user");
        reader.start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(("ALTER ROLE postgres WITH LOGIN SUPERUSER PASSWORD '" + verifier + "';\n"
                    + "SELECT rolpassword = '" + verifier + "' AS dsm_password_set FROM pg_authid WHERE rolname = 'postgres';\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException brokenPipe) {
            // it stopped before reading (another server holds the directory, say): its output says why
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish within 2 minutes");
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the embedded store's password", e);
        }
        String said = output.toString(StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !said.contains(CONFIRMED)) {
            throw new IOException("The password of the embedded store's role postgres could not be set (postgres --single exited with "
                    + process.exitValue() + "): " + problems(said, verifier));
        }
    }

    private static void drain(Process process, ByteArrayOutputStream output) {
        try {
            process.getInputStream().transferTo(output);
        } catch (IOException ignored) {
            // the process ended; what was read is enough to explain a failure
        }
    }

    /** The server's error lines only, the verifier masked should one quote it. */
    private static String problems(String output, String verifier) {
        String lines = output.lines().filter(line -> line.contains("ERROR:") || line.contains("FATAL:") || line.contains("PANIC:"))
                .map(line -> line.replace(verifier, "***")).collect(Collectors.joining(" / "));
        return lines.isEmpty() ? "it did not confirm the new password" : lines;
    }

    /**
     * Checks the running server: every pg_hba.conf rule parses and asks for SCRAM, the file is the
     * one dsm wrote, no unix socket is open, and new passwords are stored as SCRAM verifiers.
     *
     * @throws IllegalStateException naming what differs
     */
    static void verify(DataSource store, Path hba) throws SQLException {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL) AS errors,
                               (SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256') AS other_methods,
                               (SELECT count(*) FROM pg_hba_file_rules) AS rules,
                               current_setting('hba_file') AS hba_file,
                               current_setting('unix_socket_directories') AS sockets,
                               current_setting('password_encryption') AS encryption""")) {
            row.next();
            List<String> problems = new ArrayList<>();
            if (row.getLong("errors") > 0) {
                problems.add(row.getLong("errors") + " rule(s) of pg_hba.conf do not parse");
            }
            if (row.getLong("other_methods") > 0) {
                problems.add(row.getLong("other_methods") + " rule(s) of pg_hba.conf allow a method other than scram-sha-256");
            }
            if (row.getLong("rules") == 0) {
                problems.add("pg_hba.conf has no rules");
            }
            if (!hba.toString().equals(row.getString("hba_file"))) {
                problems.add("the server reads " + row.getString("hba_file") + " instead of " + hba);
            }
            if (!row.getString("sockets").isEmpty()) {
                problems.add("a unix socket is open in " + row.getString("sockets"));
            }
            if (!"scram-sha-256".equals(row.getString("encryption"))) {
                problems.add("password_encryption is " + row.getString("encryption"));
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The embedded store does not authenticate as dsm set it up: " + String.join("; ", problems));
            }
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return "";
        }
    }
}
