package io.dsm.heartbeat;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.connection.service.StoredConnectionSpecs;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.service.StoredDataSources;

/** Reads the data sources an instance beats, with their passwords, in one short transaction. */
@ApplicationScoped
public class HeartbeatTargets {

    private final StoredDataSources dataSources;
    private final StoredConnectionSpecs specs;

    public HeartbeatTargets(StoredDataSources dataSources, StoredConnectionSpecs specs) {
        this.dataSources = dataSources;
        this.specs = specs;
    }

    public Map<UUID, HeartbeatTarget> load(Collection<UUID> ids) {
        return dataSources.all(ids).stream().map(this::of)
                .collect(Collectors.toMap(HeartbeatTarget::dataSourceId, Function.identity()));
    }

    /** Where the data source's heartbeat table lives. */
    HeartbeatTarget of(StoredSource source) {
        return new HeartbeatTarget(source.id(), source.identifier(), source.version(), specs.primary(source));
    }
}
