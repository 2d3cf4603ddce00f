package io.dsm.connection.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.connection.service.StoredConnectionSpecs.StoredPasswords;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.service.StoredDataSources;

/**
 * Reads a stored data source for a test, in a short transaction of its own, so that no store
 * connection is held while the test waits on the network.
 */
@ApplicationScoped
public class StoredConnections {

    private final StoredDataSources dataSources;
    private final StoredConnectionSpecs specs;
    private final PasswordSources sources;

    public StoredConnections(StoredDataSources dataSources, StoredConnectionSpecs specs, PasswordSources sources) {
        this.dataSources = dataSources;
        this.specs = specs;
        this.sources = sources;
    }

    /** What to test, and the stored identifier it belongs to. */
    public record Loaded(String identifier, List<ConnectionSpec> specs) {
    }

    /** The stored data source, or the edited one with the stored passwords where none were typed. */
    public Loaded load(UUID id, Optional<DataSourceInput> edited) {
        DataSourceEntity stored = dataSources.get(id);
        if (edited.isEmpty()) {
            return new Loaded(stored.identifier, specs.of(stored));
        }
        DataSourceInput input = edited.get();
        StoredPasswords kept = specs.passwords(stored);
        Password typed = sources.of(input.password(), input.passwordRef());
        Password primary = typed != null ? typed : kept.primary();
        Password typedStandby = input.standby() == null ? null : sources.of(input.standby().password(), input.standby().passwordRef());
        Password standby = typedStandby != null ? typedStandby : kept.standby().orElse(primary);
        return new Loaded(stored.identifier, ConnectionSpecs.of(input, primary, standby));
    }
}
