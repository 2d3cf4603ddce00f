package io.dsm.datasource.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.datasource.DataSourceEntity;

/**
 * The port through which other domains (connection tests, the heartbeat writer) read stored data
 * sources, never through the repository. Each read is a short transaction of its own, so that the
 * caller holds no store connection while it waits on a data source's network.
 */
@ApplicationScoped
public class StoredDataSources {

    private final DataSourceRepository repository;

    public StoredDataSources(DataSourceRepository repository) {
        this.repository = repository;
    }

    /** @throws io.dsm.common.problem.ProblemException (404) when there is no such data source */
    @Transactional
    public DataSourceEntity get(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> DataSourceNotFound.of(id));
    }

    /**
     * A data source to change through the API something a provisioning file would own, such as its accepted risks.
     *
     * @throws io.dsm.common.problem.ProblemException (404) when there is no such data source, (409) naming the
     *         provisioning file that manages it
     */
    @Transactional
    public DataSourceEntity managedThroughTheApi(UUID id, String what) {
        DataSourceEntity entity = get(id);
        DataSourceService.refuseIfProvisioned(entity, what);
        return entity;
    }

    @Transactional
    public List<DataSourceEntity> all(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : repository.list("id in ?1", ids);
    }
}
