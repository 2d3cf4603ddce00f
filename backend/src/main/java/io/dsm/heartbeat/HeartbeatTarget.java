package io.dsm.heartbeat;

import java.util.UUID;

import io.dsm.connection.service.ConnectionSpec;

/** Where one data source's beats go, as of one version of the data source. */
record HeartbeatTarget(UUID dataSourceId, String identifier, long version, ConnectionSpec spec) {

    String schema() {
        return spec.heartbeatSchema();
    }
}
