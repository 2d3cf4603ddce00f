package io.dsm.acceptance.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.dsm.acceptance.AcceptanceEntity;
import io.dsm.acceptance.AcceptanceSource;
import io.dsm.acceptance.AcceptanceInput;
import io.dsm.acceptance.api.AcceptanceResponse;
import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.common.problem.ProblemException;
import io.dsm.datasource.SourceIdentity;
import io.dsm.datasource.service.ReadinessWatch;
import io.dsm.datasource.service.StoredDataSources;
import io.dsm.readiness.ReadinessCheck;

/**
 * Accepting and revoking readiness risks, through the API or as a provisioning file declares them, each
 * audited with its reason in the same transaction.
 */
@ApplicationScoped
public class Acceptances {

    /** What a provisioning file owns: the API refuses for a provisioned source, naming its file. */
    private static final String MANAGED_BY_FILE = "provisioned.risks";

    private final AcceptanceRepository repository;
    private final AcceptanceRules rules;
    private final StoredDataSources dataSources;
    private final AuditLog audit;
    private final RequestOrigin origin;
    private final ReadinessWatch watch;

    public Acceptances(AcceptanceRepository repository, AcceptanceRules rules, StoredDataSources dataSources, AuditLog audit,
            RequestOrigin origin, ReadinessWatch watch) {
        this.repository = repository;
        this.rules = rules;
        this.dataSources = dataSources;
        this.audit = audit;
        this.origin = origin;
        this.watch = watch;
    }

    /** @throws ProblemException (404) when there is no such data source */
    @Transactional
    public List<AcceptanceResponse> list(UUID dataSourceId) {
        dataSources.identify(dataSourceId);
        Instant now = Instant.now();
        return repository.of(dataSourceId).stream().map(entity -> response(entity, now)).toList();
    }

    /** @throws ProblemException (400) for bad input, (404) for no such data source, (409) for a provisioned one */
    @Transactional
    public AcceptanceResponse accept(UUID dataSourceId, AcceptanceInput input) {
        SourceIdentity source = dataSources.managedThroughTheApi(dataSourceId, MANAGED_BY_FILE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AcceptanceEntity entity = stored(source, rules.check(input, now), origin.actor(), AcceptanceSource.API, now);
        // The watch's state, list badge, metrics and webhook follow at its next check, due now rather than in an interval.
        watch.checkSoon(source.id());
        return response(entity, now);
    }

    /** @throws ProblemException (404) for no such data source or acceptance, (409) for a provisioned source */
    @Transactional
    public void revoke(UUID dataSourceId, UUID acceptanceId) {
        SourceIdentity source = dataSources.managedThroughTheApi(dataSourceId, MANAGED_BY_FILE);
        AcceptanceEntity entity = repository.of(dataSourceId, acceptanceId).orElseThrow(() -> ProblemException.notFound(
                "problem.acceptance.not-found", source.identifier(), acceptanceId.toString()));
        revoked(source, entity);
    }

    /**
     * Makes a provisioned source's acceptances exactly those its file declares (already checked by
     * {@link AcceptanceRules}), in the file's transaction: one declared as stored before is kept as it is,
     * every other one stored (accepted by the file) or revoked, each audited as through the API.
     *
     * @return whether anything changed
     */
    @Transactional(TxType.MANDATORY)
    public boolean declared(UUID dataSourceId, List<AcceptanceRules.Accepted> declared, String file) {
        SourceIdentity source = dataSources.identify(dataSourceId);
        List<AcceptanceRules.Accepted> toStore = new ArrayList<>(declared);
        boolean changed = false;
        for (AcceptanceEntity entity : repository.of(dataSourceId)) {
            if (entity.source != AcceptanceSource.FILE || !file.equals(entity.acceptedBy) || !toStore.remove(accepted(entity))) {
                revoked(source, entity);
                changed = true;
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        toStore.forEach(accepted -> stored(source, accepted, file, AcceptanceSource.FILE, now));
        return changed || !toStore.isEmpty();
    }

    /** The acceptances of a data source that have not expired, oldest first, as a file declares them: what an export writes. */
    @Transactional
    public List<AcceptanceRules.Accepted> live(UUID dataSourceId) {
        return repository.liveAt(dataSourceId, Instant.now()).stream().map(Acceptances::accepted).toList();
    }

    private AcceptanceEntity stored(SourceIdentity source, AcceptanceRules.Accepted accepted, String acceptedBy,
            AcceptanceSource origin, Instant now) {
        AcceptanceEntity entity = new AcceptanceEntity();
        entity.id = UUID.randomUUID();
        entity.dataSourceId = source.id();
        entity.check = accepted.check().id();
        entity.objects = accepted.objects().toArray(String[]::new);
        entity.reason = accepted.reason();
        entity.acceptedBy = acceptedBy;
        entity.acceptedAt = now;
        entity.expiresAt = accepted.expiresAt();
        entity.severity = accepted.severity();
        entity.source = origin;
        repository.persist(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.RISK_ACCEPTED, AuditOutcome.SUCCESS, source.id(), source.identifier(),
                List.of(), "Accepted " + described(entity) + ". Reason: " + entity.reason));
        return entity;
    }

    private void revoked(SourceIdentity source, AcceptanceEntity entity) {
        repository.delete(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.RISK_ACCEPTANCE_REVOKED, AuditOutcome.SUCCESS, source.id(),
                source.identifier(), List.of(), "Revoked the acceptance of " + described(entity) + ", accepted by "
                        + entity.acceptedBy + ". Its reason was: " + entity.reason));
        watch.checkSoon(source.id());
    }

    /** What a stored acceptance says, as the rules give it, to compare with what a file declares. */
    private static AcceptanceRules.Accepted accepted(AcceptanceEntity entity) {
        return new AcceptanceRules.Accepted(ReadinessCheck.byId(entity.check), List.of(entity.objects), entity.reason,
                entity.expiresAt, entity.severity);
    }

    private static String described(AcceptanceEntity entity) {
        String objects = entity.objects.length == 0 ? "" : " for " + String.join(", ", entity.objects);
        String until = entity.expiresAt == null ? " until revoked" : " until " + entity.expiresAt;
        return entity.check + objects + " up to " + entity.severity + until;
    }

    private static AcceptanceResponse response(AcceptanceEntity entity, Instant now) {
        return new AcceptanceResponse(entity.id, entity.dataSourceId, ReadinessCheck.byId(entity.check),
                Arrays.asList(entity.objects), entity.reason, entity.acceptedBy, entity.acceptedAt, entity.expiresAt, entity.severity,
                entity.source,
                entity.expiresAt != null && !entity.expiresAt.isAfter(now));
    }
}
