package io.dsm.datasource.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.dsm.datasource.HeartbeatStatus;

/**
 * The heartbeat of each data source, as the registry turns it on and off and shows it. The
 * datasource domain owns this port and the heartbeat domain implements it, in the caller's
 * transaction, so that the registry never depends on how beats are written.
 */
public interface Heartbeats {

    void enable(UUID dataSourceId);

    void disable(UUID dataSourceId);

    /** The status of each data source with heartbeat on; ids without one have it off. */
    Map<UUID, HeartbeatStatus> statuses(Collection<UUID> dataSourceIds);
}
