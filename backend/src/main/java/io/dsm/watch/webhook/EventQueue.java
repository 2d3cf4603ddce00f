package io.dsm.watch.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The outbox table readiness_event, as the delivery loop uses it. An event is claimed by setting its
 * owner and a lease with FOR UPDATE SKIP LOCKED, so two instances never send the same event at once
 * and an instance that dies mid-attempt loses the event when the lease expires. The attempt is counted
 * when it is claimed, so an attempt cut short by a crash still counts towards the limit. An outcome
 * is stored only by the instance that still holds the claim.
 */
final class EventQueue {

    /** A claimed event, and the number of this attempt (1 for the first). */
    record Claimed(UUID id, String payload, int attempt) {
    }

    private static final String UNSETTLED = "delivered_at IS NULL AND given_up_at IS NULL";
    private static final int MAX_ERROR = 500;

    private final DataSource store;

    EventQueue(DataSource store) {
        this.store = store;
    }

    /** Claims the oldest due event nobody holds, or none. */
    Optional<Claimed> claimNext(String owner, Duration ttl) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        WITH next AS (
                            SELECT id FROM readiness_event
                            WHERE %s AND next_attempt_at <= now() AND lease_expires_at < now()
                            ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        UPDATE readiness_event e SET owner = ?, lease_expires_at = now() + ?::interval, attempts = e.attempts + 1
                        FROM next WHERE e.id = next.id
                        RETURNING e.id, e.payload, e.attempts""".formatted(UNSETTLED))) {
            statement.setString(1, owner);
            statement.setString(2, interval(ttl));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Claimed(row.getObject(1, UUID.class), row.getString(2), row.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    void delivered(UUID id, String owner) throws SQLException {
        settle(id, owner, "delivered_at = now()", null, null);
    }

    void retryAfter(UUID id, String owner, Duration delay, String error) throws SQLException {
        settle(id, owner, "next_attempt_at = now() + ?::interval", interval(delay), error);
    }

    void givenUp(UUID id, String owner, String error) throws SQLException {
        settle(id, owner, "given_up_at = now()", null, error);
    }

    /** Stores an attempt's outcome and ends the claim, if this owner still holds it. */
    private void settle(UUID id, String owner, String outcome, String delay, String error) throws SQLException {
        String sql = "UPDATE readiness_event SET " + outcome + ", last_error = coalesce(?, last_error), lease_expires_at = '-infinity'"
                + " WHERE id = ? AND owner = ? AND " + UNSETTLED;
        try (Connection connection = store.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (delay != null) {
                statement.setString(index++, delay);
            }
            statement.setString(index++, error == null ? null : truncate(error));
            statement.setObject(index++, id);
            statement.setString(index, owner);
            statement.executeUpdate();
        }
    }

    /** Events neither delivered nor given up, whoever holds them. */
    long pending() throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM readiness_event WHERE " + UNSETTLED);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Deletes events delivered or given up longer than {@code retention} ago. */
    int purgeSettled(Duration retention) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        DELETE FROM readiness_event
                        WHERE delivered_at < now() - ?::interval OR given_up_at < now() - ?::interval""")) {
            statement.setString(1, interval(retention));
            statement.setString(2, interval(retention));
            return statement.executeUpdate();
        }
    }

    /** Gives up the claims this instance holds, for another instance to take at once (at shutdown). */
    void release(String owner) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE readiness_event SET lease_expires_at = '-infinity' WHERE owner = ? AND lease_expires_at > now() AND "
                                + UNSETTLED)) {
            statement.setString(1, owner);
            statement.executeUpdate();
        }
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
