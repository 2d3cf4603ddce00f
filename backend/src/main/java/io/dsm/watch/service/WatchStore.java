package io.dsm.watch.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextJson;
import io.dsm.common.jdbc.Statements;
import io.dsm.common.jdbc.StoreValues;
import io.dsm.common.lease.InstanceRegistry;
import io.dsm.common.lease.InstanceRegistry.Work;
import io.dsm.common.lease.LeaseTable;

import io.dsm.connection.CheckTarget;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.FindingSeverity;
import io.dsm.watch.ReadinessChangeKind;
import io.dsm.watch.api.ReadinessChange;

/**
 * The watch's rows in the store. A check is claimed by setting its owner and a lease with FOR UPDATE
 * SKIP LOCKED, so that two instances never claim the same source and one that dies mid-check loses its
 * claim when the lease expires. Every method takes the connection it works on: the caller decides
 * the transaction.
 */
final class WatchStore {

    private static final int MESSAGE_LENGTH = 1000;
    private static final LeaseTable CHECKS = new LeaseTable("readiness_watch", "data_source_id");
    /** Due checks of this instance's share, or overdue by the handover, the most overdue first. */
    private static final String CLAIM_DUE = CHECKS.claim(InstanceRegistry.SHARE,
            "t.next_check_at <= now() AND (t.next_check_at <= now() - ?::interval OR " + InstanceRegistry.inShare("t.data_source_id") + ")",
            "t.next_check_at", "", "t.data_source_id, t.next_check_at");

    private WatchStore() {
    }

    /** A claimed check: the source, and when it was due (for lateness). */
    record Claim(UUID dataSourceId, Instant dueAt) {
    }

    /** The row as the last check left it. */
    record Latest(SourceReadinessState state, int blockers, int warnings, int accepted, Instant checkedAt, Instant nextCheckAt,
            String report, String identifier, Instant manualCheckAt, boolean claimed) {
    }

    /** Records that this instance takes part in the watch now. */
    static void announce(DataSource store, String owner) throws SQLException {
        try (Connection connection = store.getConnection()) {
            InstanceRegistry.announce(connection, owner, Work.WATCH);
        }
    }

    /** This instance no longer takes part in the watch (it stops). */
    static void leave(DataSource store, String owner) throws SQLException {
        try (Connection connection = store.getConnection()) {
            InstanceRegistry.leave(connection, owner, Work.WATCH);
        }
    }

    /**
     * Claims up to {@code limit} checks that are due and not claimed, the most overdue first: those of
     * this instance's share of the sources (the instances seen within {@code alive} split them by a
     * hash of the id), and any that is overdue by {@code handover}, whoever's share it is. An owner
     * that never announced itself takes any due check.
     */
    static List<Claim> claimDue(DataSource store, String owner, int limit, Duration ttl, Duration alive, Duration handover)
            throws SQLException {
        try (Connection connection = store.getConnection()) {
            return Statements.list(connection, CLAIM_DUE, row -> new Claim(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant()),
                    Work.WATCH.name(), interval(alive), owner, interval(handover), limit, owner, interval(ttl));
        }
    }

    /** Claims one source for a re-check asked for now, and marks the time of the re-check. */
    static void claimForRecheck(Connection connection, UUID id, String owner, Duration ttl) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE readiness_watch SET owner = ?, lease_expires_at = now() + ?::interval, manual_check_at = now()
                WHERE data_source_id = ?""")) {
            statement.setString(1, owner);
            statement.setString(2, interval(ttl));
            statement.setObject(3, id);
            statement.executeUpdate();
        }
    }

    /** The row, locked for the caller's transaction when {@code lock}; empty when the source is gone. */
    static Optional<Latest> read(Connection connection, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT state, blockers, warnings, accepted, checked_at, next_check_at, report::text, identifier, manual_check_at,
                       lease_expires_at > now()
                FROM readiness_watch WHERE data_source_id = ?""" + (lock ? " FOR UPDATE" : ""))) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Latest(SourceReadinessState.valueOf(row.getString(1)), row.getInt(2), row.getInt(3),
                        row.getInt(4), instant(row.getTimestamp(5)), instant(row.getTimestamp(6)), row.getString(7), row.getString(8),
                        instant(row.getTimestamp(9)), row.getBoolean(10)));
            }
        }
    }

    /** Whether this instance still holds the claim: asked before a result is stored, in the storing transaction. */
    static boolean holds(Connection connection, UUID id, String owner) throws SQLException {
        return !Statements.list(connection, CHECKS.holds(true), row -> true, id, owner).isEmpty();
    }

    /**
     * Stores a check's result and gives the claim up; the next check is due at {@code nextCheckAt}, or
     * now when the source was edited after the check started (the result is of the old settings).
     */
    static void saveResult(Connection connection, UUID id, String owner, ReadinessStates states, Instant startedAt,
            Instant checkedAt, Instant nextCheckAt, String report, String slots, String identifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECKS.settle("""
                state = ?, blockers = ?, warnings = ?, accepted = ?, checked_at = ?, next_check_at = CASE WHEN changed_at >= ? THEN now() ELSE ? END,
                report = ?::jsonb, slots = ?::jsonb, identifier = ?, checked_by = owner""", ""))) {
            statement.setString(1, states.state().name());
            statement.setInt(2, states.blockers());
            statement.setInt(3, states.warnings());
            statement.setInt(4, states.accepted());
            statement.setTimestamp(5, Timestamp.from(checkedAt));
            statement.setTimestamp(6, Timestamp.from(startedAt));
            statement.setTimestamp(7, Timestamp.from(nextCheckAt));
            statement.setString(8, report);
            statement.setString(9, slots);
            statement.setString(10, identifier);
            statement.setObject(11, id);
            statement.setString(12, owner);
            statement.executeUpdate();
        }
    }

    /** Gives a claim up without a result (the check could not run), to be tried again at {@code nextCheckAt}. */
    static void release(Connection connection, UUID id, String owner, Instant nextCheckAt) throws SQLException {
        Statements.update(connection, CHECKS.settle("next_check_at = ?", ""), Timestamp.from(nextCheckAt), id, owner);
    }

    /** Gives every claim of this instance up, for a prompt takeover when it stops. */
    static void releaseAll(DataSource store, String owner) throws SQLException {
        try (Connection connection = store.getConnection()) {
            Statements.update(connection, CHECKS.releaseAll(""), owner);
        }
    }

    static void addHistory(Connection connection, UUID id, List<ReadinessChange> changes, ObjectMapper texts) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO readiness_history (data_source_id, occurred_at, kind, from_state, to_state, check_id, target,
                                               severity, message, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (ReadinessChange change : changes) {
                statement.setObject(1, id);
                statement.setTimestamp(2, Timestamp.from(change.occurredAt()));
                statement.setString(3, change.kind().name());
                setName(statement, 4, change.fromState());
                setName(statement, 5, change.toState());
                statement.setString(6, change.check());
                setName(statement, 7, change.target());
                setName(statement, 8, change.severity());
                statement.setString(9, storedMessage(change.message(), texts));
                statement.setString(10, truncate(change.actor(), 64));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * A history message as its key and arguments, so each reader gets their language; one too long for the column
     * (a summary of many failed checks) is kept in English instead, cut to fit.
     */
    private static String storedMessage(Text message, ObjectMapper texts) {
        if (message == null) {
            return null;
        }
        String stored = TextJson.store(texts, message);
        return stored.length() <= MESSAGE_LENGTH ? stored : truncate(message.english(), MESSAGE_LENGTH);
    }

    /** Keeps the newest {@code limit} changes of a source, none older than {@code retention}. */
    static void pruneHistory(Connection connection, UUID id, int limit, Duration retention) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                DELETE FROM readiness_history WHERE data_source_id = ?
                  AND (occurred_at < now() - ?::interval
                       OR id < (SELECT min(id) FROM (SELECT id FROM readiness_history WHERE data_source_id = ?
                                                     ORDER BY occurred_at DESC, id DESC LIMIT ?) newest))""")) {
            statement.setObject(1, id);
            statement.setString(2, interval(retention));
            statement.setObject(3, id);
            statement.setInt(4, limit);
            statement.executeUpdate();
        }
    }

    /** The history of a source, newest first; {@code texts} is the {@link io.dsm.common.i18n.StoredTexts} mapper. */
    static List<ReadinessChange> history(Connection connection, UUID id, int limit, ObjectMapper texts) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT occurred_at, kind, from_state, to_state, check_id, target, severity, message, actor
                FROM readiness_history WHERE data_source_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?""")) {
            statement.setObject(1, id);
            statement.setInt(2, limit);
            List<ReadinessChange> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new ReadinessChange(rows.getTimestamp(1).toInstant(), ReadinessChangeKind.valueOf(rows.getString(2)),
                            valueOf(SourceReadinessState.class, rows.getString(3)), valueOf(SourceReadinessState.class, rows.getString(4)),
                            rows.getString(5), valueOf(CheckTarget.class, rows.getString(6)),
                            valueOf(FindingSeverity.class, rows.getString(7)), TextJson.restore(texts, rows.getString(8)),
                            rows.getString(9)));
                }
            }
            return changes;
        }
    }

    /** Checks due now that no instance has claimed: the backlog a busy watch builds up. */
    static long backlog(DataSource store) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM readiness_watch WHERE next_check_at <= now() AND lease_expires_at < now()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A source's state, accepted findings and slots as the metrics show them. */
    record Exported(UUID dataSourceId, String identifier, SourceReadinessState state, int accepted, String slots) {
    }

    static List<Exported> exported(DataSource store) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT data_source_id, identifier, state, accepted, slots::text FROM readiness_watch");
                ResultSet rows = statement.executeQuery()) {
            List<Exported> exported = new ArrayList<>();
            while (rows.next()) {
                exported.add(new Exported(rows.getObject(1, UUID.class), rows.getString(2),
                        SourceReadinessState.valueOf(rows.getString(3)), rows.getInt(4), rows.getString(5)));
            }
            return exported;
        }
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static void setName(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.name());
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return StoreValues.instant(timestamp);
    }

    private static String interval(Duration duration) {
        return StoreValues.interval(duration);
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
