package io.dsm.datasource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HeartbeatState", description = "DISABLED: heartbeat is off. PENDING: on, not yet written. ACTIVE: beating. FAILING: the last beats failed.")
public enum HeartbeatState {
    DISABLED,
    PENDING,
    ACTIVE,
    FAILING
}
