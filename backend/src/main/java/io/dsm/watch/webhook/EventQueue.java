package io.dsm.watch.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.dsm.common.jdbc.Statements;
import io.dsm.common.jdbc.StoreValues;
import io.dsm.common.lease.LeaseTable;

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
    private static final LeaseTable EVENTS = new LeaseTable("readiness_event", "id");
    /** The attempt is counted when claimed, so that one cut short by a crash counts towards the limit. */
    private static final String CLAIM_NEXT = EVENTS.claim("", UNSETTLED + " AND next_attempt_at <= now()",
            "t.created_at, t.id", ", attempts = t.attempts + 1", "t.id, t.payload, t.attempts");
    private static final int MAX_ERROR = 500;

    private final DataSource store;

    EventQueue(DataSource store) {
        this.store = store;
    }

    /** Claims the oldest due event nobody holds, or none. */
    Optional<Claimed> claimNext(String owner, Duration ttl) throws SQLException {
        try (Connection connection = store.getConnection()) {
            return Statements.list(connection, CLAIM_NEXT, row -> new Claimed(row.getObject(1, UUID.class), row.getString(2), row.getInt(3)),
                    1, owner, StoreValues.interval(ttl)).stream().findFirst();
        }
    }

    void delivered(UUID id, String owner) throws SQLException {
        settle(id, owner, "delivered_at = now()", null, null);
    }

    void retryAfter(UUID id, String owner, Duration delay, String error) throws SQLException {
        settle(id, owner, "next_attempt_at = now() + ?::interval", StoreValues.interval(delay), error);
    }

    void givenUp(UUID id, String owner, String error) throws SQLException {
        settle(id, owner, "given_up_at = now()", null, error);
    }

    /** Stores an attempt's outcome and ends the claim, if this owner still holds it. */
    private void settle(UUID id, String owner, String outcome, String delay, String error) throws SQLException {
        String sql = EVENTS.settle(outcome + ", last_error = coalesce(?, last_error)", " AND " + UNSETTLED);
        List<Object> parameters = new ArrayList<>();
        if (delay != null) {
            parameters.add(delay);
        }
        parameters.addAll(Arrays.asList(error == null ? null : truncate(error), id, owner));
        try (Connection connection = store.getConnection()) {
            Statements.update(connection, sql, parameters.toArray());
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
            statement.setString(1, StoreValues.interval(retention));
            statement.setString(2, StoreValues.interval(retention));
            return statement.executeUpdate();
        }
    }

    /** Gives up the claims this instance holds, for another instance to take at once (at shutdown). */
    void release(String owner) throws SQLException {
        try (Connection connection = store.getConnection()) {
            Statements.update(connection, EVENTS.releaseAll(" AND " + UNSETTLED), owner);
        }
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
