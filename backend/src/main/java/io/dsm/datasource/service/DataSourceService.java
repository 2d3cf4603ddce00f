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
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
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
    private final DataSourceFields fields;
    private final Heartbeats heartbeats;
    private final HeartbeatTableDropper heartbeatTables;
    private final ReadinessWatch watch;
    private final AuditLog audit;

    public DataSourceService(DataSourceRepository repository, DataSourceRules rules, DataSourceFields fields, Heartbeats heartbeats,
            HeartbeatTableDropper heartbeatTables, ReadinessWatch watch, AuditLog audit) {
        this.repository = repository;
        this.rules = rules;
        this.fields = fields;
        this.heartbeats = heartbeats;
        this.heartbeatTables = heartbeatTables;
        this.watch = watch;
        this.audit = audit;
    }

    @Transactional
    public DataSourceResponse create(DataSourceInput input) {
        rules.check(input, Purpose.CREATE);
        if (repository.identifierTaken(input.identifier(), null)) {
            throw duplicateIdentifier();
        }
        DataSourceEntity entity = new DataSourceEntity();
        entity.id = UUID.randomUUID();
        fields.apply(input, entity);
        entity.createdAt = entity.updatedAt;
        repository.persist(entity);
        flushGuardingIdentifier();
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        }
        watch.checkSoon(entity.id);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_CREATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(Map.of(), DataSourceChanges.snapshot(entity), input), null));
        return toResponse(entity);
    }

    @Transactional
    public DataSourceResponse update(UUID id, DataSourceInput input) {
        DataSourceEntity entity = find(id);
        rules.check(input, Purpose.UPDATE);
        if (input.version() != entity.version) {
            throw StaleVersion.exception();
        }
        if (!entity.identifier.equalsIgnoreCase(input.identifier())
                && repository.identifierTaken(input.identifier(), id)) {
            throw duplicateIdentifier();
        }
        Map<String, String> before = DataSourceChanges.snapshot(entity);
        fields.apply(input, entity);
        flushGuardingIdentifier();
        syncHeartbeat(entity);
        watch.checkSoon(entity.id);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(before, DataSourceChanges.snapshot(entity), input), null));
        return toResponse(entity);
    }

    /**
     * Removes the registration. With {@code dropHeartbeatTable}, first drops the heartbeat table from the
     * database: heartbeat stops (so no instance recreates the table), the drop runs outside any
     * transaction, since it waits on the network, and if it fails heartbeat resumes and nothing is deleted.
     */
    public void delete(UUID id, boolean dropHeartbeatTable) {
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
        return ProblemException.conflict("A data source with this identifier already exists.",
                List.of(new Violation("identifier",
                        "is already used by another data source (identifiers are compared ignoring case)")));
    }

    private static ProblemException notDropped(HeartbeatTableDropper.NotDropped e) {
        return ProblemException.conflict("The heartbeat table " + e.table() + " could not be dropped: " + e.reason()
                + ". The data source was not deleted; delete it without dropHeartbeatTable to keep the table.",
                List.of(new Violation("dropHeartbeatTable", "could not be done: " + e.reason())));
    }
}
