package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.HeartbeatTableName;
import io.dsm.datasource.StandbyEndpoint;

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
    List<ConnectionSpec> of(DataSourceEntity stored) {
        StoredPasswords passwords = passwords(stored);
        List<ConnectionSpec> specs = new ArrayList<>();
        specs.add(primary(stored, passwords.primary()));
        StandbyEndpoint standby = stored.standby;
        if (stored.attribute.hasStandby() && standby != null && standby.host != null) {
            Password password = passwords.standby().orElse(passwords.primary());
            specs.add(new ConnectionSpec(CheckTarget.STANDBY, stored.attribute, standby.host, standby.port, standby.username,
                    password.secret(), password.problem(), stored.databaseName, stored.schemaName, stored.tlsMode,
                    stored.tlsCaCertificate, false, HeartbeatTableName.schemaOf(stored.heartbeatSchema)));
        }
        return specs;
    }

    /** The primary, where the heartbeat table lives. */
    public ConnectionSpec primary(DataSourceEntity stored) {
        return primary(stored, open(stored.passwordSealed, stored.passwordRef, stored));
    }

    /** Passwords stored sealed are opened; referenced ones are read now, so a rotated secret counts at once. */
    StoredPasswords passwords(DataSourceEntity stored) {
        Optional<Password> standby = stored.standby == null || stored.standby.passwordSealed == null && stored.standby.passwordRef == null
                ? Optional.empty() : Optional.of(open(stored.standby.passwordSealed, stored.standby.passwordRef, stored));
        return new StoredPasswords(open(stored.passwordSealed, stored.passwordRef, stored), standby);
    }

    private static ConnectionSpec primary(DataSourceEntity stored, Password password) {
        return new ConnectionSpec(CheckTarget.PRIMARY, stored.attribute, stored.host, stored.port, stored.username,
                password.secret(), password.problem(), stored.databaseName, stored.schemaName, stored.tlsMode,
                stored.tlsCaCertificate, stored.heartbeatEnabled, HeartbeatTableName.schemaOf(stored.heartbeatSchema));
    }

    private Password open(String sealed, String reference, DataSourceEntity stored) {
        if (reference != null) {
            return sources.referenced(reference);
        }
        try {
            return Password.of(cipher.open(sealed, stored.id.toString()));
        } catch (UnreadableSecretException e) {
            return Password.unusable(e.text());
        }
    }
}
