package io.dsm.provisioning.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;


import io.dsm.provisioning.FileStatus;

/** The last apply of each provisioning file, in the store, shared by every instance. */
final class FileStatuses {

    private static final TypeReference<List<ProvisioningError>> ERRORS = new TypeReference<>() {
    };

    private FileStatuses() {
    }

    record Row(String name, FileStatus status, String checksum, boolean prune, int sources, List<ProvisioningError> errors,
            Instant checkedAt, Instant appliedAt, String appliedBy) {
    }

    /** @param texts the {@link io.dsm.common.i18n.StoredTexts} mapper */
    static List<Row> all(DataSource store, ObjectMapper texts) throws SQLException {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT name, status, checksum, prune, sources, errors::text, checked_at, applied_at, applied_by
                        FROM provisioning_file ORDER BY name""");
                ResultSet rows = statement.executeQuery()) {
            List<Row> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Row(rows.getString(1), FileStatus.valueOf(rows.getString(2)), rows.getString(3), rows.getBoolean(4),
                        rows.getInt(5), errors(rows.getString(6), texts), rows.getTimestamp(7).toInstant(),
                        rows.getTimestamp(8) == null ? null : rows.getTimestamp(8).toInstant(), rows.getString(9)));
            }
            return all;
        }
    }

    /** Records an apply; a failure keeps the checksum and time of the last successful one. */
    static void record(Connection connection, String name, FileStatus status, String checksum, boolean prune, int sources,
            List<ProvisioningError> errors, String instance, ObjectMapper json) throws SQLException {
        boolean applied = status != FileStatus.FAILED;
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO provisioning_file (name, status, checksum, prune, sources, errors, checked_at, applied_at, applied_by)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, now(), CASE WHEN ? THEN now() END, CASE WHEN ? THEN ? END)
                ON CONFLICT (name) DO UPDATE SET status = excluded.status, errors = excluded.errors, checked_at = now(),
                    checksum = CASE WHEN ? THEN excluded.checksum ELSE provisioning_file.checksum END,
                    prune = CASE WHEN ? THEN excluded.prune ELSE provisioning_file.prune END,
                    sources = CASE WHEN ? THEN excluded.sources ELSE provisioning_file.sources END,
                    applied_at = CASE WHEN ? THEN now() ELSE provisioning_file.applied_at END,
                    applied_by = CASE WHEN ? THEN excluded.applied_by ELSE provisioning_file.applied_by END""")) {
            statement.setString(1, name);
            statement.setString(2, status.name());
            statement.setString(3, checksum);
            statement.setBoolean(4, prune);
            statement.setInt(5, sources);
            statement.setString(6, json(errors, json));
            statement.setBoolean(7, applied);
            statement.setBoolean(8, applied);
            statement.setString(9, instance);
            for (int i = 10; i <= 14; i++) {
                statement.setBoolean(i, applied);
            }
            statement.executeUpdate();
        }
    }

    /** Errors are stored language-neutral, as key and arguments (the {@link io.dsm.common.i18n.StoredTexts} mapper), so that each reader gets them in their language. */
    private static String json(List<ProvisioningError> errors, ObjectMapper json) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ProvisioningError> errors(String stored, ObjectMapper texts) {
        try {
            return texts.readValue(stored, ERRORS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
