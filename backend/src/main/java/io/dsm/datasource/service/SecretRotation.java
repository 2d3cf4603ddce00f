package io.dsm.datasource.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.datasource.api.KeyRotationStatus;
import io.dsm.datasource.service.DataSourceRepository.SealedPasswords;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Re-encrypts stored passwords under DSM_SECRET_KEY after a key change, while dsm keeps serving:
 * small batches in short transactions, each row swapped only if nobody changed it meanwhile (a row
 * an operator saved during the rotation is already under the new key, or is caught by the next
 * pass). Nothing visible changes: not the version, not updatedAt.
 */
@ApplicationScoped
public class SecretRotation {

    static final int BATCH = 100;
    private static final int MAX_PASSES = 5;

    @Inject
    DataSourceRepository dataSources;
    @Inject
    SecretCipher cipher;
    @Inject
    AuditLog audit;

    public KeyRotationStatus status() {
        return QuarkusTransaction.requiringNew().call(() -> new KeyRotationStatus(cipher.fingerprint(), 0, countUnderOtherKeys(), 0));
    }

    public KeyRotationStatus rotate() {
        long resealed = 0;
        long unreadable = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Pass result = pass();
            resealed += result.resealed;
            unreadable = result.unreadable;
            if (result.resealed == 0) {
                break;
            }
        }
        long remaining = QuarkusTransaction.requiringNew().call(this::countUnderOtherKeys);
        KeyRotationStatus status = new KeyRotationStatus(cipher.fingerprint(), resealed, remaining, unreadable);
        audit.recordSeparately(AuditEntry.of(AuditAction.SECRET_KEY_ROTATED, remaining == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                "re-encrypted " + resealed + " data sources under key " + cipher.fingerprint() + "; " + remaining
                        + " still under other keys, " + unreadable + " under keys dsm does not have"));
        return status;
    }

    private record Pass(long resealed, long unreadable) {
    }

    private Pass pass() {
        long resealed = 0;
        long unreadable = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is the least
        while (true) {
            UUID from = after;
            List<SealedPasswords> rows = QuarkusTransaction.requiringNew()
                    .call(() -> dataSources.sealedUnderOtherKeys(cipher.fingerprint(), from, BATCH));
            if (rows.isEmpty()) {
                return new Pass(resealed, unreadable);
            }
            for (SealedPasswords row : rows) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> reseal(row))) {
                        resealed++;
                    }
                } catch (UnreadableSecretException e) {
                    unreadable++;
                }
                after = row.id();
            }
        }
    }

    private boolean reseal(SealedPasswords stored) {
        String aad = stored.id().toString();
        String standby = stored.standbyPassword() == null ? null : resealed(stored.standbyPassword(), aad);
        return dataSources.reseal(stored, resealed(stored.password(), aad), standby);
    }

    /** A sealed password under the current key; null (a password read from a reference) stays null. */
    private String resealed(String sealed, String aad) {
        if (sealed == null || !cipher.sealedWithOtherKey(sealed)) {
            return sealed;
        }
        Secret secret = cipher.open(sealed, aad);
        return cipher.seal(secret, aad);
    }

    private long countUnderOtherKeys() {
        return dataSources.countSealedUnderOtherKeys(cipher.fingerprint());
    }
}
