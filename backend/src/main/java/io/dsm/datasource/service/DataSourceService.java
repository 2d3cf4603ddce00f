package io.dsm.datasource.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.Change;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.StaleVersion;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.api.DataSourcePage;
import io.dsm.datasource.api.DataSourceResponse;
import io.dsm.datasource.api.HeartbeatStatus;
import io.dsm.datasource.api.ReadinessSummary;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The registry's use cases. Each public method is one transaction, but for a delete that drops the heartbeat table. */
@ApplicationScoped
public class DataSourceService {

    static final String IDENTIFIER_INDEX = "ux_data_source_identifier_ci";

    private final DataSourceRepository repository;
    private final DataSourceRules rules;
    private final RequestRules requests;
    private final DataSourceFields fields;
    private final Heartbeats heartbeats;
    private final HeartbeatTableDropper heartbeatTables;
    private final ReadinessWatch watch;
    private final AuditLog audit;

    public DataSourceService(DataSourceRepository repository, DataSourceRules rules, RequestRules requests, DataSourceFields fields,
            Heartbeats heartbeats, HeartbeatTableDropper heartbeatTables, ReadinessWatch watch, AuditLog audit) {
        this.repository = repository;
        this.rules = rules;
        this.requests = requests;
        this.fields = fields;
        this.heartbeats = heartbeats;
        this.heartbeatTables = heartbeatTables;
        this.watch = watch;
        this.audit = audit;
    }

    @Transactional
    public DataSourceResponse create(DataSourceInput input, Requester requester) {
        requests.admit(null, input, Purpose.CREATE, requester,
                new RequestRules.Attempt(AuditAction.DATA_SOURCE_CREATED, null, input.identifier()));
        return toResponse(inserted(input, null));
    }

    /** A new data source declared in the provisioning file {@code provisionedBy}, in the caller's transaction. */
    DataSourceEntity created(DataSourceInput input, String provisionedBy) {
        rules.check(input, Purpose.CREATE);
        return inserted(input, provisionedBy);
    }

    /** A new data source whose input was checked, in the caller's transaction; {@code provisionedBy} is null for the API. */
    private DataSourceEntity inserted(DataSourceInput input, String provisionedBy) {
        if (repository.identifierTaken(input.identifier(), null)) {
            throw duplicateIdentifier();
        }
        DataSourceEntity entity = new DataSourceEntity();
        entity.id = UUID.randomUUID();
        fields.apply(input, entity);
        entity.provisionedBy = provisionedBy;
        entity.createdAt = entity.updatedAt;
        repository.persist(entity);
        flushGuardingIdentifier();
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        }
        watch.checkSoon(entity.id);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_CREATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(Map.of(), DataSourceChanges.snapshot(entity), input), provisionedBy == null ? null
                        : "Declared in " + provisionedBy));
        return entity;
    }

    @Transactional
    public DataSourceResponse update(UUID id, DataSourceInput input, Requester requester) {
        DataSourceEntity entity = find(id);
        refuseIfProvisioned(entity, "provisioned.changed");
        requests.admit(entity, input, Purpose.UPDATE, requester,
                new RequestRules.Attempt(AuditAction.DATA_SOURCE_UPDATED, entity.id, entity.identifier));
        if (input.version() != entity.version) {
            throw StaleVersion.exception();
        }
        updated(entity, input);
        return toResponse(entity);
    }

    /** Writes the input onto a stored data source in the caller's transaction; returns what changed (empty: nothing). */
    List<Change> updated(DataSourceEntity entity, DataSourceInput input) {
        if (!entity.identifier.equalsIgnoreCase(input.identifier())
                && repository.identifierTaken(input.identifier(), entity.id)) {
            throw duplicateIdentifier();
        }
        Map<String, String> before = DataSourceChanges.snapshot(entity);
        fields.apply(input, entity);
        flushGuardingIdentifier();
        syncHeartbeat(entity);
        watch.checkSoon(entity.id);
        List<Change> changes = DataSourceChanges.between(before, DataSourceChanges.snapshot(entity), input);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                changes, null));
        return changes;
    }

    /** Like {@link #updated}, only when the input says something the stored data source does not: a file applied again. */
    List<Change> updatedIfChanged(DataSourceEntity entity, DataSourceInput input) {
        rules.check(input, Purpose.CREATE);
        return fields.differ(input, entity) ? updated(entity, input) : List.of();
    }

    /** Who manages a data source from now on (a file, or the API again when null), with its audit record. */
    void managedBy(DataSourceEntity entity, String file) {
        String before = entity.provisionedBy;
        if (java.util.Objects.equals(before, file)) {
            return;
        }
        entity.provisionedBy = file;
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                List.of(new Change("provisionedBy", before, file)),
                file == null ? "Managed through the API again" : "Managed by the provisioning file " + file));
    }

    /**
     * A data source declared in a provisioning file is changed by changing the file: the API refuses, naming it.
     * {@code what} is the catalogue key of what the file changes ("provisioned.changed", "provisioned.risks").
     */
    static void refuseIfProvisioned(DataSourceEntity entity, String what) {
        if (entity.provisionedBy != null) {
            throw ProblemException.conflict(Text.of("problem.provisioned", entity.identifier, entity.provisionedBy, Text.of(what)),
                    List.of(Violation.of("provisionedBy", "violation.provisioned-by", entity.provisionedBy)));
        }
    }

    /**
     * Removes the registration. With {@code dropHeartbeatTable}, first drops the heartbeat table from the
     * database: heartbeat stops (so no instance recreates the table), the drop runs outside any
     * transaction, since it waits on the network, and if it fails heartbeat resumes and nothing is deleted.
     */
    public void delete(UUID id, boolean dropHeartbeatTable) {
        QuarkusTransaction.requiringNew().run(() -> refuseIfProvisioned(find(id), "provisioned.removed"));
        if (dropHeartbeatTable) {
            DataSourceEntity stopped = QuarkusTransaction.requiringNew().call(() -> stopHeartbeat(id));
            try {
                heartbeatTables.drop(stopped);
            } catch (HeartbeatTableDropper.NotDropped e) {
                QuarkusTransaction.requiringNew().run(() -> resumeHeartbeat(id));
                throw notDropped(e);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> remove(id));
    }

    @Transactional
    public DataSourceResponse get(UUID id) {
        return toResponse(find(id));
    }

    @Transactional
    public DataSourcePage list(DataSourceFilter filter) {
        Set<UUID> inStates = filter.readiness().isEmpty() ? null : watch.inStates(filter.readiness());
        DataSourceRepository.Page page = repository.search(filter, inStates);
        Map<UUID, HeartbeatStatus> statuses = heartbeats.statuses(page.items().stream()
                .filter(e -> e.heartbeatEnabled).map(e -> e.id).toList());
        Map<UUID, ReadinessSummary> readiness = watch.summaries(page.items().stream().map(e -> e.id).toList());
        List<DataSourceResponse> items = page.items().stream()
                .map(e -> DataSourceMapper.toResponse(e, statuses.get(e.id), readiness.get(e.id))).toList();
        return new DataSourcePage(items, filter.page(), filter.size(), page.total());
    }

    @Transactional
    public boolean identifierAvailable(String identifier, UUID exceptId) {
        return !repository.identifierTaken(identifier, exceptId);
    }

    private DataSourceEntity stopHeartbeat(UUID id) {
        DataSourceEntity entity = find(id);
        heartbeats.disable(id);
        return entity;
    }

    private void resumeHeartbeat(UUID id) {
        repository.findByIdOptional(id).filter(entity -> entity.heartbeatEnabled).ifPresent(entity -> heartbeats.enable(id));
    }

    private void remove(UUID id) {
        DataSourceEntity entity = find(id);
        refuseIfProvisioned(entity, "provisioned.removed");
        removed(entity);
    }

    /** Deletes a data source in the caller's transaction, with its audit record. */
    void removed(DataSourceEntity entity) {
        repository.delete(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_DELETED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                List.of(), entity.host + ":" + entity.port + "/" + entity.databaseName));
    }

    private DataSourceResponse toResponse(DataSourceEntity entity) {
        HeartbeatStatus status = entity.heartbeatEnabled ? heartbeats.statuses(List.of(entity.id)).get(entity.id) : null;
        return DataSourceMapper.toResponse(entity, status, watch.summaries(List.of(entity.id)).get(entity.id));
    }

    /** A heartbeat row exists exactly while heartbeat is on: the writer instances follow the rows. */
    private void syncHeartbeat(DataSourceEntity entity) {
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        } else {
            heartbeats.disable(entity.id);
        }
    }

    private DataSourceEntity find(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> DataSourceNotFound.of(id));
    }

    /** The unique index settles creates and renames that passed {@link #create}'s check at the same time. */
    private void flushGuardingIdentifier() {
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            if (IDENTIFIER_INDEX.equals(e.getConstraintName())) {
                throw duplicateIdentifier();
            }
            throw e;
        }
    }

    private static ProblemException duplicateIdentifier() {
        return ProblemException.conflict(Text.of("problem.identifier.taken"),
                List.of(Violation.of("identifier", "violation.identifier.taken")));
    }

    private static ProblemException notDropped(HeartbeatTableDropper.NotDropped e) {
        return ProblemException.conflict(Text.of("problem.heartbeat.not-dropped", e.table(), e.reason()),
                List.of(Violation.of("dropHeartbeatTable", "violation.heartbeat.not-dropped", e.reason())));
    }
}
