package io.dsm.heartbeat;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.dsm.connection.service.ConnectionSpec;
import io.dsm.connection.service.JdbcConnector;

/**
 * Connections to heartbeat targets, shared by every data source that reaches the same server,
 * database and user (1,000 schemas of one database need one connection, not 1,000). At most
 * {@code max} are open; the least recently used closes first, and idle ones close after a while.
 */
final class TargetConnections implements AutoCloseable {

    /** What makes two data sources share a connection. The password is part of it, and never printed. */
    record Key(String host, int port, String database, String username, Object password, Object tls, String caCertificate) {
        static Key of(ConnectionSpec spec) {
            return new Key(spec.host(), spec.port(), spec.databaseName(), spec.username(), spec.password().orElse(null),
                    spec.tlsMode(), spec.caCertificate());
        }

        @Override
        public String toString() {
            return host + ":" + port + "/" + database + " as " + username;
        }
    }

    static final class Lease {
        final Connection connection;
        volatile long lastUsedNanos = System.nanoTime();

        Lease(Connection connection) {
            this.connection = connection;
        }
    }

    private final int max;
    private final int timeoutSeconds;
    private final Map<Key, Lease> open = new LinkedHashMap<>(16, 0.75f, true);

    TargetConnections(int max, int timeoutSeconds) {
        this.max = max;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** An open connection for the spec; the caller synchronizes on it while using it. */
    synchronized Lease acquire(ConnectionSpec spec, InetAddress address, String applicationName) throws SQLException {
        Key key = Key.of(spec);
        Lease lease = open.get(key);
        if (lease != null && !lease.connection.isClosed()) {
            lease.lastUsedNanos = System.nanoTime();
            return lease;
        }
        while (open.size() >= max) {
            Iterator<Map.Entry<Key, Lease>> eldest = open.entrySet().iterator();
            closeQuietly(eldest.next().getValue());
            eldest.remove();
        }
        lease = new Lease(openForBeats(spec, address, applicationName));
        open.put(key, lease);
        return lease;
    }

    /**
     * Beats commit without waiting for their WAL flush: a beat lost in a crash costs nothing, the
     * next one follows within an interval, and logical decoding sees it all the same. Waiting for
     * 200 flushes a second on one shared connection is what made beats late under load.
     */
    private Connection openForBeats(ConnectionSpec spec, InetAddress address, String applicationName) throws SQLException {
        Connection connection = JdbcConnector.open(spec, address, timeoutSeconds, applicationName);
        try (Statement session = connection.createStatement()) {
            session.execute("SET synchronous_commit = off");
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Forgets a connection that failed, so the next beat opens a fresh one. */
    synchronized void discard(ConnectionSpec spec, Lease lease) {
        Key key = Key.of(spec);
        if (Objects.equals(open.get(key), lease)) {
            open.remove(key);
        }
        closeQuietly(lease);
    }

    synchronized void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        open.values().removeIf(lease -> {
            if (now - lease.lastUsedNanos > idleNanos) {
                closeQuietly(lease);
                return true;
            }
            return false;
        });
    }

    synchronized int size() {
        return open.size();
    }

    @Override
    public synchronized void close() {
        open.values().forEach(TargetConnections::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Lease lease) {
        try {
            lease.connection.close();
        } catch (SQLException ignored) {
            // it is being thrown away
        }
    }
}
