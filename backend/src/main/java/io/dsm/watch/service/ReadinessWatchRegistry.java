package io.dsm.watch.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.dsm.common.jdbc.StoreValues;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.datasource.ReadinessSummary;
import io.dsm.datasource.service.ReadinessWatch;

/** The watch rows of data sources, as the registry needs them, in the caller's transaction. */
@ApplicationScoped
public class ReadinessWatchRegistry implements ReadinessWatch {

    private final EntityManager entityManager;

    public ReadinessWatchRegistry(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void checkSoon(UUID dataSourceId) {
        entityManager.createNativeQuery("""
                INSERT INTO readiness_watch (data_source_id, next_check_at, changed_at) VALUES (?1, now(), now())
                ON CONFLICT (data_source_id) DO UPDATE SET next_check_at = least(readiness_watch.next_check_at, now()),
                                                           changed_at = now()""")
                .setParameter(1, dataSourceId).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, ReadinessSummary> summaries(Collection<UUID> dataSourceIds) {
        Map<UUID, ReadinessSummary> summaries = new HashMap<>();
        if (dataSourceIds.isEmpty()) {
            return summaries;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT data_source_id, state, checked_at, blockers, warnings, accepted FROM readiness_watch WHERE data_source_id IN (?1)""")
                .setParameter(1, dataSourceIds).getResultList();
        for (Object[] row : rows) {
            summaries.put((UUID) row[0], new ReadinessSummary(SourceReadinessState.valueOf((String) row[1]), StoreValues.instant(row[2]),
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue()));
        }
        return summaries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UUID> inStates(Set<SourceReadinessState> states) {
        List<String> names = states.stream().map(Enum::name).toList();
        List<UUID> ids = entityManager.createNativeQuery("SELECT data_source_id FROM readiness_watch WHERE state IN (?1)")
                .setParameter(1, names).getResultList();
        return new HashSet<>(ids);
    }

}
