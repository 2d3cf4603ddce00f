package io.dsm.connection.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.postgresql.Driver;
import org.postgresql.plugin.AuthenticationRequestType;

import io.dsm.datasource.TlsMode;

/**
 * Opens every connection dsm makes to a data source: a test's, its replication connection, heartbeats
 * and the heartbeat table's removal. The URL holds only the structured host, port and database; every
 * driver property is set here from an allow-list, so nothing a client sends can reach pgjdbc's
 * socketFactory, sslfactory, loggerFile or any other property, and the password reaches pgjdbc only
 * through {@link PasswordPlugin}.
 */
public final class JdbcConnector {

    private static final Driver DRIVER = new Driver();

    private JdbcConnector() {
    }

    /**
     * A connection, or the failure with the utility-mode options in effect when it happened, and how the
     * server asked for the password (empty: it asked for none).
     */
    record Attempt(Connection connection, Optional<String> options, SQLException failure,
            Optional<AuthenticationRequestType> passwordMethod) {
    }

    /** @param connected the probe's socket to sign in on, or null to dial a new one */
    static Attempt connect(ConnectionSpec spec, InetAddress address, Socket connected, TestBudget budget,
            Optional<String> options) {
        int seconds = budget.remainingSeconds();
        String parked = connected == null ? null : ParkedSockets.park(connected);
        Attempt attempt = null;
        try {
            attempt = connect(spec, address, budget.deadlineNanos(), parked, seconds, seconds, "dsm connection test", options,
                    new Properties(), passwordOf(spec));
            return attempt;
        } finally {
            boolean unclaimed = parked != null && ParkedSockets.unclaimed(parked);
            // pgjdbc closes what it opened on failure, but not a socket it failed to wrap in its stream
            if (connected != null && (unclaimed || attempt == null || attempt.connection() == null)) {
                closeQuietly(connected);
            }
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing twice, or a socket the server already dropped
        }
    }

    /** A connection that lives on (heartbeats): no overall deadline, only connect and read timeouts. */
    public static Connection open(ConnectionSpec spec, InetAddress address, int timeoutSeconds, String applicationName)
            throws SQLException {
        Attempt attempt = connect(spec, address, PinnedSocketFactory.NO_DEADLINE, null, timeoutSeconds, timeoutSeconds,
                applicationName, Optional.empty(), new Properties(), passwordOf(spec));
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.connection();
    }

    /**
     * A logical replication connection ({@code replication=database}) for the readiness check, on a
     * socket of its own, whose password waits for {@code password} to complete.
     *
     * @param lockTimeoutMillis a lock_timeout for the session, set in the startup packet (no round trip), or 0 for none
     */
    static Attempt connectForReplication(ConnectionSpec spec, InetAddress address, TestBudget budget,
            CompletableFuture<char[]> password, String applicationName, long lockTimeoutMillis) {
        Properties replication = new Properties();
        replication.setProperty("replication", "database");
        replication.setProperty("assumeMinServerVersion", "10");
        replication.setProperty("preferQueryMode", "simple");
        int seconds = budget.remainingSeconds();
        return connect(spec, address, budget.deadlineNanos(), null, seconds, seconds, applicationName,
                lockTimeoutMillis > 0 ? Optional.of("-c lock_timeout=" + lockTimeoutMillis) : Optional.empty(), replication,
                password);
    }

    private static CompletableFuture<char[]> passwordOf(ConnectionSpec spec) {
        return CompletableFuture.completedFuture(spec.password().map(secret -> secret.reveal().toCharArray()).orElse(null));
    }

    /**
     * The one place that opens a connection to a data source. pgjdbc gets the password only through
     * {@link PasswordPlugin}, from a {@link CredentialGate} that withholds it from a server asking for it in
     * cleartext unverified; the properties carry a token, never the password.
     *
     * @param extra further driver properties
     */
    private static Attempt connect(ConnectionSpec spec, InetAddress address, long deadlineNanos, String parked,
            int connectTimeout, int socketTimeout, String applicationName, Optional<String> options, Properties extra,
            CompletableFuture<char[]> password) {
        Path caFile = null;
        CredentialGate gate = new CredentialGate(password, spec);
        String token = CredentialGates.open(gate);
        try {
            Properties properties = new Properties();
            properties.setProperty("user", spec.username());
            properties.setProperty("authenticationPluginClassName", PasswordPlugin.class.getName());
            properties.setProperty(PasswordPlugin.TOKEN, token);
            properties.setProperty(PasswordPlugin.DEADLINE, String.valueOf(deadlineNanos));
            properties.setProperty("connectTimeout", String.valueOf(connectTimeout));
            properties.setProperty("socketTimeout", String.valueOf(socketTimeout));
            properties.setProperty("tcpKeepAlive", "false");
            properties.setProperty("gssEncMode", "disable");
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("socketFactory", PinnedSocketFactory.class.getName());
            properties.setProperty("socketFactoryArg", PinnedSocketFactory.argument(address, deadlineNanos, parked));
            properties.setProperty("sslmode", spec.tlsMode().value());
            if (spec.tlsMode().verifiesCertificate()) {
                if (spec.caCertificate() != null) {
                    caFile = writeCa(spec.caCertificate());
                    properties.setProperty("sslrootcert", caFile.toString());
                } else {
                    properties.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
                }
            }
            options.ifPresent(value -> properties.setProperty("options", value));
            properties.putAll(extra);
            Connection connection = DRIVER.connect(url(spec), properties);
            return new Attempt(connection, options, null, gate.askedFor());
        } catch (SQLException e) {
            return new Attempt(null, options, gate.withholdsCleartext() ? new PasswordWithheld(e) : e, gate.askedFor());
        } finally {
            CredentialGates.remove(token);
            gate.wipe();
            deleteQuietly(caFile);
        }
    }

    static String url(ConnectionSpec spec) {
        String host = Hosts.unbracketed(spec.host());
        String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + spec.port() + "/"
                + URLEncoder.encode(spec.databaseName(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean usesTls(TlsMode mode) {
        return mode != TlsMode.DISABLE;
    }

    private static Path writeCa(String pem) {
        try {
            Path file = Files.createTempFile("dsm-ca-", ".pem",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The CA certificate could not be written to a temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file with a public certificate; the OS cleans it up
            }
        }
    }
}
