package io.dsm.heartbeat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.service.DataSourceRepository;

/** Reads the data sources an instance beats, with their passwords, in one short transaction. */
@ApplicationScoped
public class HeartbeatTargets {

    static final String DEFAULT_SCHEMA = "public";

    private final DataSourceRepository repository;
    private final SecretCipher cipher;

    public HeartbeatTargets(DataSourceRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    @Transactional
    public Map<UUID, HeartbeatTarget> load(Collection<UUID> ids) {
        Map<UUID, HeartbeatTarget> targets = new HashMap<>();
        if (ids.isEmpty()) {
            return targets;
        }
        for (DataSourceEntity entity : repository.list("id in ?1", ids)) {
            targets.put(entity.id, of(entity, cipher));
        }
        return targets;
    }

    /** Where the data source's heartbeat table lives. */
    public static HeartbeatTarget of(DataSourceEntity entity, SecretCipher cipher) {
        Optional<Secret> password;
        String problem = null;
        try {
            password = Optional.of(cipher.open(entity.passwordSealed, entity.id.toString()));
        } catch (UnreadableSecretException e) {
            password = Optional.empty();
            problem = e.getMessage();
        }
        String schema = entity.heartbeatSchema == null ? DEFAULT_SCHEMA : entity.heartbeatSchema;
        ConnectionSpec spec = new ConnectionSpec(CheckTarget.PRIMARY, entity.attribute, entity.host, entity.port,
                entity.username, password, problem, entity.databaseName, entity.schemaName, entity.tlsMode,
                entity.tlsCaCertificate, true, schema);
        return new HeartbeatTarget(entity.id, entity.identifier, entity.version, spec);
    }
}
