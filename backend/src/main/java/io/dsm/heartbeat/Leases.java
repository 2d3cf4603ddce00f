package io.dsm.heartbeat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Which instance beats which data source, decided in the store: each instance renews its own
 * leases and claims a fair share of the expired or unowned ones with FOR UPDATE SKIP LOCKED, so
 * two instances never claim the same row, and a dead instance's rows are taken over once its
 * leases expire.
 */
final class Leases {

    private final DataSource store;
    private final String owner;
    private final Duration ttl;
    /** A renewed lease is relied on for less than its ttl, so that no beat is written after it may have expired. */
    private final Duration reliance;
    private volatile long reliableUntilNanos;

    Leases(DataSource store, String owner, Duration ttl, Duration reliance) {
        this.store = store;
        this.owner = owner;
        this.ttl = ttl;
        this.reliance = reliance;
    }

    String owner() {
        return owner;
    }

    /** Renews this instance's leases and claims its share; returns the data sources it now owns. */
    Set<UUID> renewAndClaim() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false);
            try {
                announce(connection);
                Set<UUID> owned = ids(connection, """
                        UPDATE heartbeat SET lease_expires_at = now() + ?::interval WHERE owner = ? RETURNING data_source_id""",
                        interval(), owner);
                int share = fairShare(connection, owned.size());
                if (share < 0) {
                    // More than a fair share: give the excess up, for the instances that have less to claim.
                    owned.removeAll(ids(connection, """
                            UPDATE heartbeat SET owner = NULL, lease_expires_at = '-infinity'
                            WHERE data_source_id IN (SELECT data_source_id FROM heartbeat WHERE owner = ?
                                                     ORDER BY data_source_id DESC LIMIT ?)
                            RETURNING data_source_id""", owner, -share));
                } else if (share > 0) {
                    owned.addAll(ids(connection, """
                            WITH claimable AS (
                                SELECT data_source_id FROM heartbeat
                                WHERE owner IS NULL OR lease_expires_at < now()
                                ORDER BY lease_expires_at, data_source_id
                                LIMIT ? FOR UPDATE SKIP LOCKED)
                            UPDATE heartbeat h SET owner = ?, lease_expires_at = now() + ?::interval
                            FROM claimable c WHERE h.data_source_id = c.data_source_id
                            RETURNING h.data_source_id""", share, owner, interval()));
                }
                connection.commit();
                reliableUntilNanos = started + reliance.toNanos();
                return owned;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Whether the last renewal is recent enough for this instance to act on its leases. */
    boolean reliable() {
        return System.nanoTime() - reliableUntilNanos < 0;
    }

    /** Whether this instance still holds the lease: asked before anything it must not do twice. */
    boolean holds(UUID dataSourceId) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT 1 FROM heartbeat WHERE data_source_id = ? AND owner = ? AND lease_expires_at > now()")) {
            statement.setObject(1, dataSourceId);
            statement.setString(2, owner);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Gives every lease of this instance up, for a prompt takeover when it stops. */
    void releaseAll() throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement release = connection.prepareStatement(
                        "UPDATE heartbeat SET owner = NULL, lease_expires_at = '-infinity' WHERE owner = ?");
                PreparedStatement leave = connection.prepareStatement("DELETE FROM heartbeat_instance WHERE owner = ?")) {
            release.setString(1, owner);
            release.executeUpdate();
            leave.setString(1, owner);
            leave.executeUpdate();
        }
    }

    /** Writes the statuses this instance observed, for the rows it still owns. */
    void saveStatuses(Collection<BeatStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return;
        }
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE heartbeat SET state = ?, last_beat_at = ?, last_error = ?, consecutive_failures = ?,
                                             warning = ?, updated_at = now()
                        WHERE data_source_id = ? AND owner = ?""")) {
            for (BeatStatus status : statuses) {
                statement.setString(1, status.state().name());
                statement.setTimestamp(2, status.lastBeatAt() == null ? null : Timestamp.from(status.lastBeatAt()));
                statement.setString(3, truncate(status.lastError()));
                statement.setInt(4, status.consecutiveFailures());
                statement.setString(5, truncate(status.warning()));
                statement.setObject(6, status.dataSourceId());
                statement.setString(7, owner);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void announce(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO heartbeat_instance (owner, seen_at) VALUES (?, now())
                ON CONFLICT (owner) DO UPDATE SET seen_at = now()""")) {
            statement.setString(1, owner);
            statement.executeUpdate();
        }
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM heartbeat_instance WHERE seen_at < now() - interval '1 day'")) {
            forget.executeUpdate();
        }
    }

    /**
     * How many rows to claim (positive) or give up (negative) to hold a fair share: the total divided
     * among the instances seen within a lease, rounded up, with one row of slack against ping-pong.
     */
    private int fairShare(Connection connection, int mine) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM heartbeat),
                       (SELECT count(*) FROM heartbeat_instance WHERE seen_at > now() - ?::interval)""")) {
            statement.setString(1, interval());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long total = row.getLong(1);
                long instances = Math.max(1, row.getLong(2));
                long share = (total + instances - 1) / instances;
                if (mine > share + 1) {
                    return (int) (share - mine);
                }
                return (int) Math.max(0, share - mine);
            }
        }
    }

    private static Set<UUID> ids(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private String interval() {
        return ttl.toMillis() + " milliseconds";
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 509) + "...";
    }
}
