package io.dsm.datasource.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.datasource.api.KeyRotationStatus;
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

    private final EntityManager entities;
    private final SecretCipher cipher;
    private final AuditLog audit;

    public SecretRotation(EntityManager entities, SecretCipher cipher, AuditLog audit) {
        this.entities = entities;
        this.cipher = cipher;
        this.audit = audit;
    }

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
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> batchAfter(from));
            if (rows.isEmpty()) {
                return new Pass(resealed, unreadable);
            }
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> reseal(id, (String) row[1], (String) row[2]))) {
                        resealed++;
                    }
                } catch (UnreadableSecretException e) {
                    unreadable++;
                }
                after = id;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> batchAfter(UUID after) {
        return entities.createNativeQuery("""
                SELECT id, password_sealed, standby_password_sealed FROM data_source
                WHERE id > ?1 AND (split_part(password_sealed, '.', 2) <> ?2
                                   OR split_part(coalesce(standby_password_sealed, ''), '.', 2) NOT IN (?2, ''))
                ORDER BY id LIMIT ?3""").setParameter(1, after).setParameter(2, cipher.fingerprint()).setParameter(3, BATCH)
                .getResultList();
    }

    private boolean reseal(UUID id, String password, String standbyPassword) {
        String aad = id.toString();
        String newPassword = resealed(password, aad);
        String newStandby = standbyPassword == null ? null : resealed(standbyPassword, aad);
        return entities.createNativeQuery("""
                UPDATE data_source SET password_sealed = ?1, standby_password_sealed = ?2
                WHERE id = ?3 AND password_sealed = ?4 AND standby_password_sealed IS NOT DISTINCT FROM ?5""")
                .setParameter(1, newPassword).setParameter(2, newStandby).setParameter(3, id).setParameter(4, password)
                .setParameter(5, standbyPassword).executeUpdate() == 1;
    }

    private String resealed(String sealed, String aad) {
        if (!cipher.sealedWithOtherKey(sealed)) {
            return sealed;
        }
        Secret secret = cipher.open(sealed, aad);
        return cipher.seal(secret, aad);
    }

    private long countUnderOtherKeys() {
        return ((Number) entities.createNativeQuery("""
                SELECT count(*) FROM data_source WHERE split_part(password_sealed, '.', 2) <> ?1
                   OR split_part(coalesce(standby_password_sealed, ''), '.', 2) NOT IN (?1, '')""")
                .setParameter(1, cipher.fingerprint()).getSingleResult()).longValue();
    }
}
