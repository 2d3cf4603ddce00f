package io.dsm.connection.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.api.StandbyInput;
import io.dsm.datasource.api.TlsSettings;
import io.dsm.datasource.service.DataSourceRepository;
import io.dsm.datasource.service.DataSourceService;

/**
 * Reads a stored data source for a test, in a short transaction of its own, so that no store
 * connection is held while the test waits on the network.
 */
@ApplicationScoped
public class StoredConnections {

    private final DataSourceRepository repository;
    private final SecretCipher cipher;

    public StoredConnections(DataSourceRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    /** What to test, and the stored identifier it belongs to. */
    public record Loaded(String identifier, List<ConnectionSpec> specs) {
    }

    /** The stored data source, or the edited one with the stored passwords where none were typed. */
    @Transactional
    public Loaded load(UUID id, Optional<DataSourceInput> edited) {
        DataSourceEntity stored = Optional.ofNullable(repository.findById(id)).orElseThrow(() -> DataSourceService.notFound(id));
        String aad = stored.id.toString();
        Password storedPrimary = open(stored.passwordSealed, aad);
        Optional<Password> storedStandby = stored.standby == null ? Optional.empty()
                : Optional.of(open(stored.standby.passwordSealed, aad));
        DataSourceInput input = edited.orElseGet(() -> asInput(stored));
        Password primary = input.password() != null ? Password.of(input.password()) : storedPrimary;
        Password standby;
        if (input.standby() != null && input.standby().password() != null) {
            standby = Password.of(input.standby().password());
        } else {
            standby = storedStandby.orElse(primary);
        }
        return new Loaded(stored.identifier, ConnectionSpecs.of(input, primary, standby));
    }

    private Password open(String sealed, String aad) {
        try {
            return Password.of(cipher.open(sealed, aad));
        } catch (UnreadableSecretException e) {
            return Password.unusable(e.getMessage());
        }
    }

    private static DataSourceInput asInput(DataSourceEntity stored) {
        StandbyInput standby = stored.standby == null ? null
                : new StandbyInput(stored.standby.host, stored.standby.port, stored.standby.username, null);
        return new DataSourceInput(stored.identifier, stored.type, stored.region, stored.attribute, stored.heartbeatEnabled,
                stored.host, stored.port, stored.username, null, stored.databaseName, stored.schemaName, stored.heartbeatSchema,
                stored.remarks,
                standby, new TlsSettings(stored.tlsMode, stored.tlsCaCertificate), stored.version);
    }
}
