package io.dsm.acceptance.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.acceptance.AcceptanceEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AcceptanceRepository implements PanacheRepositoryBase<AcceptanceEntity, UUID> {

    /** Every acceptance of a data source, expired ones too, newest first. */
    List<AcceptanceEntity> of(UUID dataSourceId) {
        return list("dataSourceId = ?1 order by acceptedAt desc, id", dataSourceId);
    }

    /** The acceptances of a data source that have not expired at {@code at}. */
    List<AcceptanceEntity> liveAt(UUID dataSourceId, Instant at) {
        return list("dataSourceId = ?1 and (expiresAt is null or expiresAt > ?2) order by acceptedAt, id", dataSourceId, at);
    }

    Optional<AcceptanceEntity> of(UUID dataSourceId, UUID id) {
        return find("dataSourceId = ?1 and id = ?2", dataSourceId, id).firstResultOptional();
    }
}
