package io.dsm.datasource.service;

import java.util.UUID;

import jakarta.inject.Singleton;

import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;

/** Seals a data source's passwords under the current key, bound to the data source's id. */
@Singleton
class PasswordSeals {

    private final SecretCipher cipher;

    PasswordSeals(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Whether the sealed password is the typed one (false when it cannot be opened). */
    boolean same(String sealed, Secret typed, UUID dataSourceId) {
        try {
            return sealed != null && cipher.open(sealed, dataSourceId.toString()).equals(typed);
        } catch (UnreadableSecretException e) {
            return false;
        }
    }

    String seal(Secret secret, UUID dataSourceId) {
        return cipher.seal(secret, dataSourceId.toString());
    }

    /**
     * A kept password, re-encrypted if an earlier key sealed it: an update saved while a key rotation
     * runs must not write back what the rotation just replaced.
     */
    String underCurrentKey(String sealed, UUID dataSourceId) {
        if (sealed == null || !cipher.sealedWithOtherKey(sealed)) {
            return sealed;
        }
        try {
            return seal(cipher.open(sealed, dataSourceId.toString()), dataSourceId);
        } catch (UnreadableSecretException e) {
            return sealed;
        }
    }
}
