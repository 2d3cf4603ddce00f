package io.dsm.heartbeat;

import java.sql.SQLException;

import io.dsm.common.i18n.Text;
import io.dsm.connection.service.ConnectFailures;
import io.dsm.connection.service.ConnectionSpec;

/** Why a beat failed, in a sentence without the password. */
final class HeartbeatFailures {

    private HeartbeatFailures() {
    }

    static Text describe(SQLException e, HeartbeatTable table, ConnectionSpec spec) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String schema = "\"" + spec.heartbeatSchema() + "\"";
        return switch (state) {
            case "42501" -> e.getMessage() != null && e.getMessage().contains("schema")
                    ? Text.of("heartbeat.failure.schemaDenied", schema)
                    : Text.of("heartbeat.failure.tableDenied", table.displayName());
            case "3F000" -> Text.of("heartbeat.failure.noSchema", schema);
            case "25006" -> Text.of("heartbeat.failure.readOnly");
            default -> ConnectFailures.describe(e, spec);
        };
    }
}
