package io.dsm.acceptance.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.acceptance.AcceptanceEntity;
import io.dsm.readiness.ReadinessCheck;

/** The acceptances in force, from the store. */
@ApplicationScoped
public class StoredAcceptedRisks implements AcceptedRisks {

    private final AcceptanceRepository repository;

    public StoredAcceptedRisks(AcceptanceRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public List<LiveAcceptance> liveFor(UUID dataSourceId) {
        return repository.liveAt(dataSourceId, Instant.now()).stream().map(StoredAcceptedRisks::live).toList();
    }

    private static LiveAcceptance live(AcceptanceEntity entity) {
        return new LiveAcceptance(entity.id, ReadinessCheck.byId(entity.check), Set.of(entity.objects), entity.reason,
                entity.acceptedBy, entity.expiresAt, entity.severity);
    }
}
