package io.dsm.heartbeat;

import java.util.UUID;

/** A data source's heartbeat was turned on, off, or moved; fired inside the transaction that did it. */
public record HeartbeatChanged(UUID dataSourceId) {
}
