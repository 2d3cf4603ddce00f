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

    @Transactional
    public List<DataSourceEntity> all(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : repository.list("id in ?1", ids);
    }
}
