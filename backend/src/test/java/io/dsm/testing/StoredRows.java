package io.dsm.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.dsm.common.crypto.SecretCipher;

/** Reads what the service stored, straight from its database. */
public final class StoredRows {

    /** The key of the test profile (application.properties). */
    public static final String TEST_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private StoredRows() {
    }

    public static String column(String id, String column) {
        try (Connection connection = PostgresResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + column + " FROM data_source WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("No stored row for " + id);
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String openPassword(String id, String column) {
        return SecretCipher.fromBase64(TEST_KEY).open(column(id, column), id).reveal();
    }
}
