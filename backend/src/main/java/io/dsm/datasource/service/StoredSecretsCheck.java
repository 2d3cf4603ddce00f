package io.dsm.datasource.service;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.dsm.common.crypto.SecretCipher;
import io.quarkus.runtime.StartupEvent;

/**
 * At startup, resolves the secret key (a bad key stops the start with a clear message) and says
 * plainly when stored passwords were sealed under another key, instead of failing later, one
 * connection at a time.
 */
@Singleton
public class StoredSecretsCheck {

    private static final Logger LOG = Logger.getLogger(StoredSecretsCheck.class);

    @Transactional
    void onStart(@Observes StartupEvent event, SecretCipher cipher, DataSourceRepository dataSources) {
        long previous = 0;
        long unreadable = 0;
        for (Map.Entry<String, Long> byKey : dataSources.countByOtherKey(cipher.fingerprint()).entrySet()) {
            if (cipher.hasKey(byKey.getKey())) {
                previous += byKey.getValue();
            } else {
                unreadable += byKey.getValue();
            }
        }
        if (unreadable > 0) {
            LOG.errorf("%d data source(s) hold passwords encrypted with a key dsm does not have (neither DSM_SECRET_KEY, "
                    + "key %s, nor DSM_SECRET_KEY_PREVIOUS). dsm cannot connect to them until it runs with the original key "
                    + "or their passwords are entered again.", unreadable, cipher.fingerprint());
        }
        if (previous > 0) {
            LOG.warnf("%d data source(s) hold passwords encrypted with a previous key; re-encrypt them under key %s with "
                    + "POST /api/admin/secret-key/rotation, then remove DSM_SECRET_KEY_PREVIOUS.", previous, cipher.fingerprint());
        }
        if (unreadable == 0 && previous == 0) {
            LOG.infof("Stored passwords are encrypted with key %s", cipher.fingerprint());
        }
    }
}
