package io.dsm.heartbeat;

import java.sql.SQLException;

import io.dsm.connection.service.ConnectFailures;
import io.dsm.connection.service.ConnectionSpec;

/** Why a beat failed, in a sentence without the password. */
final class HeartbeatFailures {

    private HeartbeatFailures() {
    }

    static String describe(SQLException e, HeartbeatTable table, ConnectionSpec spec) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String schema = "\"" + spec.heartbeatSchema() + "\"";
        return switch (state) {
            case "42501" -> e.getMessage() != null && e.getMessage().contains("schema")
                    ? "permission denied to create table in schema " + schema
                    : "permission denied to write " + table.displayName();
            case "3F000" -> "schema " + schema + " does not exist";
            case "25006" -> "the server is read-only (a standby); heartbeats must go to the primary";
            default -> ConnectFailures.describe(e, spec);
        };
    }
}
