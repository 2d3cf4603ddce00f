package io.dsm.watch.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Queues an event for the webhook, in the transaction that stores the change it reports. */
final class WebhookOutbox {

    private WebhookOutbox() {
    }

    static void enqueue(Connection connection, UUID eventId, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO readiness_event (id, payload) VALUES (?, ?)")) {
            statement.setObject(1, eventId);
            statement.setString(2, payload);
            statement.executeUpdate();
        }
    }
}
