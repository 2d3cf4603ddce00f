package io.dsm.datasource.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.api.DataSourceResponse;

/**
 * What the registry publishes for provisioning files: data sources created, changed, released and
 * removed on behalf of a file, in the caller's transaction, by the same rules and with the same audit
 * as through the API, and marked with the file that declares them.
 */
@ApplicationScoped
public class ProvisionedSources {

    private final DataSourceService service;
    private final DataSourceRepository repository;

    public ProvisionedSources(DataSourceService service, DataSourceRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    /** A stored data source as provisioning sees it. */
    public record Stored(DataSourceEntity entity) {
        public String identifier() {
            return entity.identifier;
        }

        public UUID id() {
            return entity.id;
        }

        public Optional<String> provisionedBy() {
            return Optional.ofNullable(entity.provisionedBy);
        }
    }

    @Transactional(TxType.MANDATORY)
    public Optional<Stored> byIdentifier(String identifier) {
        return repository.find("lower(identifier) = ?1", identifier.toLowerCase(Locale.ROOT)).firstResultOptional().map(Stored::new);
    }

    @Transactional(TxType.MANDATORY)
    public List<Stored> declaredIn(String file) {
        return repository.list("provisionedBy = ?1 order by identifier", file).stream().map(Stored::new).toList();
    }

    /** The data sources managed through the API (no file declares them), for an export. */
    @Transactional
    public List<DataSourceResponse> managedThroughTheApi() {
        return repository.list("provisionedBy is null order by identifier").stream()
                .map(entity -> DataSourceMapper.toResponse(entity, null, null)).toList();
    }

    /** @throws io.dsm.common.problem.ProblemException (400, 409) as the API would answer */
    @Transactional(TxType.MANDATORY)
    public Stored create(DataSourceInput input, String file) {
        return new Stored(service.created(input, file));
    }

    /** Makes the stored data source what the file says; returns whether anything changed. */
    @Transactional(TxType.MANDATORY)
    public boolean update(Stored stored, DataSourceInput input, String file) {
        DataSourceEntity entity = stored.entity();
        boolean adopted = !file.equals(entity.provisionedBy);
        boolean changed = !service.updatedIfChanged(entity, input).isEmpty();
        service.managedBy(entity, file);
        return changed || adopted;
    }

    /** The file no longer declares it and does not prune: it stays, managed through the API again. */
    @Transactional(TxType.MANDATORY)
    public void release(Stored stored) {
        service.managedBy(stored.entity(), null);
    }

    @Transactional(TxType.MANDATORY)
    public void remove(Stored stored) {
        service.removed(stored.entity());
    }
}
