package io.dsm.heartbeat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import io.dsm.common.i18n.TextJson;
import io.dsm.common.jdbc.StoreValues;
import io.dsm.datasource.HeartbeatState;
import io.dsm.datasource.HeartbeatStatus;
import io.dsm.datasource.service.Heartbeats;

/**
 * The heartbeat rows of data sources, written in the caller's transaction: a row exists exactly
 * while heartbeat is on, so turning it off or deleting the data source takes the lease away from
 * whichever instance beats it.
 */
@ApplicationScoped
public class HeartbeatRegistry implements Heartbeats {

    private final EntityManager entityManager;
    private final Event<HeartbeatChanged> changes;

    public HeartbeatRegistry(EntityManager entityManager, Event<HeartbeatChanged> changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    @Override
    public void enable(UUID dataSourceId) {
        entityManager.createNativeQuery("INSERT INTO heartbeat (data_source_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, dataSourceId).executeUpdate();
        changes.fire(new HeartbeatChanged(dataSourceId));
    }

    @Override
    public void disable(UUID dataSourceId) {
        entityManager.createNativeQuery("DELETE FROM heartbeat WHERE data_source_id = ?1")
                .setParameter(1, dataSourceId).executeUpdate();
        changes.fire(new HeartbeatChanged(dataSourceId));
    }

    /** The status of each data source with heartbeat on; ids without a row have it off. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, HeartbeatStatus> statuses(Collection<UUID> dataSourceIds) {
        Map<UUID, HeartbeatStatus> statuses = new HashMap<>();
        if (dataSourceIds.isEmpty()) {
            return statuses;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT data_source_id, state, last_beat_at, last_error, consecutive_failures, warning
                FROM heartbeat WHERE data_source_id IN (?1)""")
                .setParameter(1, dataSourceIds).getResultList();
        for (Object[] row : rows) {
            statuses.put((UUID) row[0], new HeartbeatStatus(HeartbeatState.valueOf((String) row[1]),
                    StoreValues.instant(row[2]), TextJson.restore(Leases.TEXTS, (String) row[3]), ((Number) row[4]).intValue(),
                    TextJson.restore(Leases.TEXTS, (String) row[5])));
        }
        return statuses;
    }

}
