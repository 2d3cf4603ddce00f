package io.dsm.datasource.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


import io.dsm.audit.AuditAction;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.StaleVersion;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.api.DataSourcePage;
import io.dsm.datasource.api.DataSourceResponse;
import io.dsm.datasource.HeartbeatStatus;
import io.dsm.datasource.ReadinessSummary;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The registry's use cases. Each public method is one transaction, but for a delete that drops the heartbeat table. */
@ApplicationScoped
public class DataSourceService {

    private final DataSourceRepository repository;
    private final RequestRules requests;
    private final DataSourceWrites writes;
    private final Heartbeats heartbeats;
    private final HeartbeatTableDropper heartbeatTables;
    private final ReadinessWatch watch;

    public DataSourceService(DataSourceRepository repository, RequestRules requests, DataSourceWrites writes, Heartbeats heartbeats,
            HeartbeatTableDropper heartbeatTables, ReadinessWatch watch) {
        this.repository = repository;
        this.requests = requests;
        this.writes = writes;
        this.heartbeats = heartbeats;
        this.heartbeatTables = heartbeatTables;
        this.watch = watch;
    }

    @Transactional
    public DataSourceResponse create(DataSourceInput input, Requester requester) {
        requests.admit(null, input, Purpose.CREATE, requester,
                new RequestRules.Attempt(AuditAction.DATA_SOURCE_CREATED, null, input.identifier()));
        return toResponse(writes.inserted(input, null));
    }

    @Transactional
    public DataSourceResponse update(UUID id, DataSourceInput input, Requester requester) {
        DataSourceEntity entity = find(id);
        DataSourceWrites.refuseIfProvisioned(entity, "provisioned.changed");
        requests.admit(StoredDataSources.valueOf(entity), input, Purpose.UPDATE, requester,
                new RequestRules.Attempt(AuditAction.DATA_SOURCE_UPDATED, entity.id, entity.identifier));
        if (input.version() != entity.version) {
            throw StaleVersion.exception();
        }
        writes.updated(entity, input);
        return toResponse(entity);
    }

    /**
     * Removes the registration. With {@code dropHeartbeatTable}, first drops the heartbeat table from the
     * database: heartbeat stops (so no instance recreates the table), the drop runs outside any
     * transaction, since it waits on the network, and if it fails heartbeat resumes and nothing is deleted.
     */
    public void delete(UUID id, boolean dropHeartbeatTable) {
        QuarkusTransaction.requiringNew().run(() -> DataSourceWrites.refuseIfProvisioned(find(id), "provisioned.removed"));
        if (dropHeartbeatTable) {
            StoredSource stopped = QuarkusTransaction.requiringNew().call(() -> StoredDataSources.valueOf(stopHeartbeat(id)));
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
        DataSourceWrites.refuseIfProvisioned(entity, "provisioned.removed");
        writes.removed(entity);
    }

    private DataSourceResponse toResponse(DataSourceEntity entity) {
        HeartbeatStatus status = entity.heartbeatEnabled ? heartbeats.statuses(List.of(entity.id)).get(entity.id) : null;
        return DataSourceMapper.toResponse(entity, status, watch.summaries(List.of(entity.id)).get(entity.id));
    }

    private DataSourceEntity find(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> DataSourceNotFound.of(id));
    }

    private static ProblemException notDropped(HeartbeatTableDropper.NotDropped e) {
        return ProblemException.conflict(Text.of("problem.heartbeat.not-dropped", e.table(), e.reason()),
                List.of(Violation.of("dropHeartbeatTable", "violation.heartbeat.not-dropped", e.reason())));
    }
}
