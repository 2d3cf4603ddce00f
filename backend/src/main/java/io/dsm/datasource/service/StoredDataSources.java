package io.dsm.datasource.service;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.SourceIdentity;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.StoredSource.Standby;
import io.dsm.datasource.StoredSource.StoredPassword;

/**
 * The port through which other domains (connection tests, the heartbeat writer, accepted risks) read
 * stored data sources: values, never the entity or the repository. Each read is a short transaction of
 * its own, so that the caller holds no store connection while it waits on a data source's network.
 */
@ApplicationScoped
public class StoredDataSources {

    private final DataSourceRepository repository;

    public StoredDataSources(DataSourceRepository repository) {
        this.repository = repository;
    }

    /** @throws io.dsm.common.problem.ProblemException (404) when there is no such data source */
    @Transactional
    public StoredSource get(UUID id) {
        return valueOf(find(id));
    }

    /** @throws io.dsm.common.problem.ProblemException (404) when there is no such data source */
    @Transactional
    public SourceIdentity identify(UUID id) {
        return identityOf(find(id));
    }

    /**
     * A data source to change through the API something a provisioning file would own, such as its accepted risks.
     *
     * @throws io.dsm.common.problem.ProblemException (404) when there is no such data source, (409) naming the
     *         provisioning file that manages it
     */
    @Transactional
    public SourceIdentity managedThroughTheApi(UUID id, String what) {
        DataSourceEntity entity = find(id);
        DataSourceWrites.refuseIfProvisioned(entity, what);
        return identityOf(entity);
    }

    /** Those of the ids that are stored; an id of a data source deleted meanwhile is left out. */
    @Transactional
    public List<StoredSource> all(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : repository.list("id in ?1", ids).stream().map(StoredDataSources::valueOf).toList();
    }

    private DataSourceEntity find(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> DataSourceNotFound.of(id));
    }

    static SourceIdentity identityOf(DataSourceEntity entity) {
        return new SourceIdentity(entity.id, entity.identifier);
    }

    /** A copy of the entity as it is now: a value no later change of the entity reaches. */
    static StoredSource valueOf(DataSourceEntity entity) {
        Standby standby = entity.standby == null ? null : new Standby(entity.standby.host, entity.standby.port,
                entity.standby.username, new StoredPassword(entity.standby.passwordSealed, entity.standby.passwordRef));
        return new StoredSource(entity.id, entity.identifier, entity.version, entity.attribute, entity.host, entity.port,
                entity.username, new StoredPassword(entity.passwordSealed, entity.passwordRef), entity.databaseName,
                entity.schemaName, entity.tlsMode, entity.tlsCaCertificate, entity.heartbeatEnabled, entity.heartbeatSchema,
                standby);
    }
}
