package io.dsm.datasource.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
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
    void onStart(@Observes StartupEvent event, SecretCipher cipher, EntityManager entityManager) {
        String sealedWithCurrentKey = "v1." + cipher.fingerprint() + ".%";
        long unreadable = ((Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM data_source
                WHERE password_sealed NOT LIKE :current
                   OR (standby_password_sealed IS NOT NULL AND standby_password_sealed NOT LIKE :current)""")
                .setParameter("current", sealedWithCurrentKey)
                .getSingleResult()).longValue();
        if (unreadable > 0) {
            LOG.errorf("%d data source(s) hold passwords encrypted with a key other than the current DSM_SECRET_KEY "
                    + "(key %s). dsm cannot connect to them until it runs with the original key or their passwords "
                    + "are entered again.", unreadable, cipher.fingerprint());
        } else {
            LOG.infof("Stored passwords are encrypted with key %s", cipher.fingerprint());
        }
    }
}
