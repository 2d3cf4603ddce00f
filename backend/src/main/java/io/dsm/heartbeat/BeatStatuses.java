package io.dsm.heartbeat;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statuses beaters observed, saved to the store in batches: a new beat time waits for the next
 * tick, while a new state is worth showing at once.
 */
final class BeatStatuses {

    private final Leases leases;
    private final Map<UUID, BeatStatus> changed = new ConcurrentHashMap<>();
    private final Map<UUID, BeatStatus> lastSaved = new ConcurrentHashMap<>();

    BeatStatuses(Leases leases) {
        this.leases = leases;
    }

    /** @return whether the state differs from the one last shown, so that it is worth saving now */
    boolean record(BeatStatus status) {
        BeatStatus previous = changed.put(status.dataSourceId(), status);
        BeatStatus shown = previous != null ? previous : lastSaved.get(status.dataSourceId());
        return shown == null || shown.state() != status.state();
    }

    void forget(UUID dataSourceId) {
        changed.remove(dataSourceId);
        lastSaved.remove(dataSourceId);
    }

    void save() throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, BeatStatus> batch = Map.copyOf(changed);
        leases.saveStatuses(batch.values());
        batch.forEach(changed::remove);
        lastSaved.putAll(batch);
    }
}
