package io.dsm.heartbeat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.dsm.datasource.HeartbeatTableName;

/**
 * The heartbeat table in a target database, compatible with OMS's readers: one row, id = 1, and ts
 * the epoch second of the last beat, as bigint (OMS's int overflows in 2038). Names are always
 * quoted; nothing from a request is put into SQL unquoted.
 */
final class HeartbeatTable {

    static final String NAME = HeartbeatTableName.NAME;
    static final String UNDEFINED_TABLE = "42P01";

    private final String qualifiedName;
    private final String schema;

    HeartbeatTable(String schema) {
        this.schema = schema;
        this.qualifiedName = quote(schema) + "." + quote(NAME);
    }

    String schema() {
        return schema;
    }

    String displayName() {
        return schema + "." + NAME;
    }

    /** Updates the row; false when there is no row to update. */
    boolean beat(Connection connection, long epochSecond) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + qualifiedName + " SET ts = ? WHERE id = 1")) {
            update.setLong(1, epochSecond);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Creates the table if it is missing and writes the row. Existence is looked up first: CREATE
     * TABLE IF NOT EXISTS needs CREATE on the schema even when the table exists, and a user who may
     * only write a table a DBA created must still be able to beat.
     */
    void provision(Connection connection, long epochSecond) throws SQLException {
        if (!exists(connection)) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + qualifiedName + " (id int NOT NULL DEFAULT 1 PRIMARY KEY, ts bigint)");
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO " + qualifiedName + " (id, ts) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET ts = EXCLUDED.ts")) {
            upsert.setLong(1, epochSecond);
            upsert.executeUpdate();
        }
    }

    boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement lookup = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            lookup.setString(1, qualifiedName);
            try (ResultSet row = lookup.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    void drop(Connection connection) throws SQLException {
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE IF EXISTS " + qualifiedName);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
