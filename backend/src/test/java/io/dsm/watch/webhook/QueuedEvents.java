package io.dsm.watch.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.dsm.testing.PostgresResource;

/** Rows of readiness_event, written and read straight in the store as CheckResults writes them. */
final class QueuedEvents {

    /** A row as the delivery left it. */
    record Row(int attempts, Instant nextAttemptAt, Instant deliveredAt, Instant givenUpAt, String lastError, String owner) {
    }

    private QueuedEvents() {
    }

    /** Queues an event with the shape of io.dsm.watch.service.ReadinessEvent, with text outside ASCII; returns its id. */
    static String queue() {
        UUID id = UUID.randomUUID();
        String payload = """
                {"id":"%s","type":"datasource.readiness.changed","occurredAt":"2026-12-06T22:40:00.123456Z",\
                "dataSource":{"id":"%s","identifier":"orders01"},"previousState":"READY","state":"UNREACHABLE",\
                "blockers":0,"warnings":0,"summary":"连接失败 — could not connect","findings":[],"actor":"readiness-watch"}"""
                .formatted(id, UUID.randomUUID());
        insert(id, payload, null, null);
        return id.toString();
    }

    /** A settled row, delivered or given up at the given time. */
    static String settled(Instant deliveredAt, Instant givenUpAt) {
        UUID id = UUID.randomUUID();
        insert(id, "{}", deliveredAt, givenUpAt);
        return id.toString();
    }

    private static void insert(UUID id, String payload, Instant deliveredAt, Instant givenUpAt) {
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO readiness_event (id, payload, delivered_at, given_up_at) VALUES (?, ?, ?, ?)")) {
            statement.setObject(1, id);
            statement.setString(2, payload);
            statement.setTimestamp(3, deliveredAt == null ? null : Timestamp.from(deliveredAt));
            statement.setTimestamp(4, givenUpAt == null ? null : Timestamp.from(givenUpAt));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Row> read(String id) {
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT attempts, next_attempt_at, delivered_at, given_up_at, last_error, owner
                        FROM readiness_event WHERE id = ?""")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new Row(row.getInt(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                        instant(row.getTimestamp(4)), row.getString(5), row.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Row row(String id) {
        return read(id).orElseThrow(() -> new AssertionError("No readiness_event " + id));
    }

    /** The id of the event about this data source, once CheckResults has queued one. */
    static Optional<String> about(String dataSourceId) {
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id FROM readiness_event WHERE payload::jsonb -> 'dataSource' ->> 'id' = ? ORDER BY created_at LIMIT 1")) {
            statement.setString(1, dataSourceId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
