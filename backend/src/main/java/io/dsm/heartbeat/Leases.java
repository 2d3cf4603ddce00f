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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.i18n.TextJson;
import io.dsm.common.jdbc.Statements;
import io.dsm.common.jdbc.StoreValues;
import io.dsm.common.lease.InstanceRegistry;
import io.dsm.common.lease.InstanceRegistry.Work;
import io.dsm.common.lease.LeaseTable;

/**
 * Which instance beats which data source, decided in the store: each instance renews its own
 * leases and claims a fair share of the expired or unowned ones with FOR UPDATE SKIP LOCKED, so
 * two instances never claim the same row, and a dead instance's rows are taken over once its
 * leases expire.
 */
final class Leases {

    /** The heartbeat's sentences are stored as catalogue keys and arguments, for each reader's language. */
    static final ObjectMapper TEXTS = TextJson.storing(new ObjectMapper());
    /** The width of the columns last_error and warning. */
    private static final int STATUS_LENGTH = 512;

    private static final LeaseTable HEARTBEATS = new LeaseTable("heartbeat", "data_source_id");
    /** Any row nobody holds, the longest expired first. */
    private static final String CLAIM = HEARTBEATS.claim("", "true", "t.lease_expires_at, t.data_source_id", "", "t.data_source_id");

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
                InstanceRegistry.announce(connection, owner, Work.HEARTBEAT);
                Set<UUID> owned = ids(connection, HEARTBEATS.renew(), interval(), owner);
                int share = fairShare(connection, owned.size());
                if (share < 0) {
                    // More than a fair share: give the excess up, for the instances that have less to claim.
                    owned.removeAll(ids(connection, HEARTBEATS.giveUp("data_source_id DESC"), owner, -share));
                } else if (share > 0) {
                    owned.addAll(ids(connection, CLAIM, share, owner, interval()));
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
        try (Connection connection = store.getConnection()) {
            return !Statements.list(connection, HEARTBEATS.holds(false), row -> true, dataSourceId, owner).isEmpty();
        }
    }

    /** Gives every lease of this instance up, for a prompt takeover when it stops. */
    void releaseAll() throws SQLException {
        try (Connection connection = store.getConnection()) {
            Statements.update(connection, HEARTBEATS.releaseAll(""), owner);
            InstanceRegistry.leave(connection, owner, Work.HEARTBEAT);
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
                statement.setString(3, TextJson.storeWithin(TEXTS, status.lastError(), STATUS_LENGTH));
                statement.setInt(4, status.consecutiveFailures());
                statement.setString(5, TextJson.storeWithin(TEXTS, status.warning(), STATUS_LENGTH));
                statement.setObject(6, status.dataSourceId());
                statement.setString(7, owner);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * How many rows to claim (positive) or give up (negative) to hold a fair share: the total divided
     * among the instances seen within a lease, rounded up, with one row of slack against ping-pong.
     */
    private int fairShare(Connection connection, int mine) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT (SELECT count(*) FROM heartbeat), " + InstanceRegistry.LIVE_COUNT)) {
            statement.setString(1, Work.HEARTBEAT.name());
            statement.setString(2, interval());
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
        return new HashSet<>(Statements.list(connection, sql, row -> row.getObject(1, UUID.class), parameters));
    }

    private String interval() {
        return StoreValues.interval(ttl);
    }

}
