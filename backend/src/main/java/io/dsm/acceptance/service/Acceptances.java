package io.dsm.acceptance.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.acceptance.AcceptanceEntity;
import io.dsm.acceptance.AcceptanceSource;
import io.dsm.acceptance.api.AcceptanceInput;
import io.dsm.acceptance.api.AcceptanceResponse;
import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.common.problem.ProblemException;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.service.StoredDataSources;
import io.dsm.readiness.ReadinessCheck;

/** Accepting and revoking readiness risks through the API, each audited with its reason in the same transaction. */
@ApplicationScoped
public class Acceptances {

    /** What a provisioning file would own: the API refuses for a provisioned source, naming its file. */
    private static final String MANAGED_BY_FILE = "provisioned.risks";

    private final AcceptanceRepository repository;
    private final AcceptanceRules rules;
    private final StoredDataSources dataSources;
    private final AuditLog audit;
    private final RequestOrigin origin;

    public Acceptances(AcceptanceRepository repository, AcceptanceRules rules, StoredDataSources dataSources, AuditLog audit,
            RequestOrigin origin) {
        this.repository = repository;
        this.rules = rules;
        this.dataSources = dataSources;
        this.audit = audit;
        this.origin = origin;
    }

    /** @throws ProblemException (404) when there is no such data source */
    @Transactional
    public List<AcceptanceResponse> list(UUID dataSourceId) {
        dataSources.get(dataSourceId);
        Instant now = Instant.now();
        return repository.of(dataSourceId).stream().map(entity -> response(entity, now)).toList();
    }

    /** @throws ProblemException (400) for bad input, (404) for no such data source, (409) for a provisioned one */
    @Transactional
    public AcceptanceResponse accept(UUID dataSourceId, AcceptanceInput input) {
        DataSourceEntity source = dataSources.managedThroughTheApi(dataSourceId, MANAGED_BY_FILE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AcceptanceRules.Accepted accepted = rules.check(input, now);
        AcceptanceEntity entity = new AcceptanceEntity();
        entity.id = UUID.randomUUID();
        entity.dataSourceId = source.id;
        entity.check = accepted.check().id();
        entity.objects = accepted.objects().toArray(String[]::new);
        entity.reason = accepted.reason();
        entity.acceptedBy = origin.actor();
        entity.acceptedAt = now;
        entity.expiresAt = accepted.expiresAt();
        entity.source = AcceptanceSource.API;
        repository.persist(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.RISK_ACCEPTED, AuditOutcome.SUCCESS, source.id, source.identifier,
                List.of(), "Accepted " + described(entity) + ". Reason: " + entity.reason));
        return response(entity, now);
    }

    /** @throws ProblemException (404) for no such data source or acceptance, (409) for a provisioned source */
    @Transactional
    public void revoke(UUID dataSourceId, UUID acceptanceId) {
        DataSourceEntity source = dataSources.managedThroughTheApi(dataSourceId, MANAGED_BY_FILE);
        AcceptanceEntity entity = repository.of(dataSourceId, acceptanceId).orElseThrow(() -> ProblemException.notFound(
                "problem.acceptance.not-found", source.identifier, acceptanceId.toString()));
        repository.delete(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.RISK_ACCEPTANCE_REVOKED, AuditOutcome.SUCCESS, source.id,
                source.identifier, List.of(), "Revoked the acceptance of " + described(entity) + ", accepted by "
                        + entity.acceptedBy + ". Its reason was: " + entity.reason));
    }

    private static String described(AcceptanceEntity entity) {
        String objects = entity.objects.length == 0 ? "" : " for " + String.join(", ", entity.objects);
        String until = entity.expiresAt == null ? " until revoked" : " until " + entity.expiresAt;
        return entity.check + objects + until;
    }

    private static AcceptanceResponse response(AcceptanceEntity entity, Instant now) {
        return new AcceptanceResponse(entity.id, entity.dataSourceId, ReadinessCheck.byId(entity.check),
                Arrays.asList(entity.objects), entity.reason, entity.acceptedBy, entity.acceptedAt, entity.expiresAt, entity.source,
                entity.expiresAt != null && !entity.expiresAt.isAfter(now));
    }
}
