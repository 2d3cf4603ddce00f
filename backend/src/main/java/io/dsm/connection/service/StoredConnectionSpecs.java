package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.HeartbeatTableName;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.StoredSource.Standby;
import io.dsm.datasource.StoredSource.StoredPassword;

/**
 * The one route from a stored data source to the endpoints dsm connects to, with the stored
 * passwords opened: for a test of a saved data source (as stored, or with edits that typed no
 * password), for the heartbeat writer, and for dropping the heartbeat table.
 */
@Singleton
public class StoredConnectionSpecs {

    private final SecretCipher cipher;
    private final PasswordSources sources;

    public StoredConnectionSpecs(SecretCipher cipher, PasswordSources sources) {
        this.cipher = cipher;
        this.sources = sources;
    }

    /** The stored passwords, opened; each is absent, with the reason, when it cannot be. */
    record StoredPasswords(Password primary, Optional<Password> standby) {
    }

    /** The primary, and the standby of a pair. */
    List<ConnectionSpec> of(StoredSource stored) {
        StoredPasswords passwords = passwords(stored);
        List<ConnectionSpec> specs = new ArrayList<>();
        specs.add(primary(stored, passwords.primary()));
        Standby standby = stored.standby();
        if (stored.attribute().hasStandby() && standby != null && standby.host() != null) {
            Password password = passwords.standby().orElse(passwords.primary());
            specs.add(spec(stored, CheckTarget.STANDBY, standby.host(), standby.port(), standby.username(), password, false));
        }
        return specs;
    }

    /** The primary, where the heartbeat table lives. */
    public ConnectionSpec primary(StoredSource stored) {
        return primary(stored, open(stored.password(), stored));
    }

    /** Passwords stored sealed are opened; referenced ones are read now, so a rotated secret counts at once. */
    StoredPasswords passwords(StoredSource stored) {
        Optional<Password> standby = stored.standby() == null || !stored.standby().password().isSaved()
                ? Optional.empty() : Optional.of(open(stored.standby().password(), stored));
        return new StoredPasswords(open(stored.password(), stored), standby);
    }

    private static ConnectionSpec primary(StoredSource stored, Password password) {
        return spec(stored, CheckTarget.PRIMARY, stored.host(), stored.port(), stored.username(), password, stored.heartbeatEnabled());
    }

    /** One endpoint of the source: its own address and user, the source's database, schema and TLS. */
    private static ConnectionSpec spec(StoredSource stored, CheckTarget target, String host, int port, String username,
            Password password, boolean heartbeat) {
        return new ConnectionSpec(target, stored.attribute(), host, port, username, password.secret(), password.problem(),
                stored.databaseName(), stored.schemaName(), stored.tlsMode(), stored.tlsCaCertificate(), heartbeat,
                HeartbeatTableName.schemaOf(stored.heartbeatSchema()));
    }

    /** A sealed password opens only with the id of the data source it was saved for. */
    private Password open(StoredPassword password, StoredSource stored) {
        if (password.reference() != null) {
            return sources.referenced(password.reference());
        }
        try {
            return Password.of(cipher.open(password.sealed(), stored.id().toString()));
        } catch (UnreadableSecretException e) {
            return Password.unusable(e.text());
        }
    }
}
