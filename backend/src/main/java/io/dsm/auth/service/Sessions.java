package io.dsm.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.dsm.common.jdbc.StoreValues;
import io.dsm.common.security.Role;
import io.dsm.config.DsmConfig;
import io.dsm.user.service.UserSessions;

/**
 * Console sessions, kept in the store so that every instance knows them and sign-out ends them
 * everywhere. The browser holds a random token; the store holds its SHA-256 and the session's
 * anti-forgery token, which the console sends back as a header on every write.
 */
@ApplicationScoped
public class Sessions implements UserSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A started session: the cookie value and the anti-forgery token. */
    public record Started(String token, String csrfToken, Instant expiresAt) {
    }

    /** A session found by its cookie. */
    public record Found(SignedInUser user, String csrfToken, Instant expiresAt) {
    }

    private final EntityManager entities;
    private final Duration timeout;

    public Sessions(EntityManager entities, DsmConfig config) {
        this.entities = entities;
        this.timeout = config.auth().sessionTimeout();
    }

    @Transactional
    public Started start(UUID userId) {
        Instant now = Instant.now();
        entities.createNativeQuery("DELETE FROM user_session WHERE expires_at < ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
        String token = randomToken();
        String csrf = randomToken();
        Instant expiresAt = now.plus(timeout);
        entities.createNativeQuery("""
                INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, hash(token)).setParameter(2, userId).setParameter(3, csrf)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(expiresAt)).executeUpdate();
        return new Started(token, csrf, expiresAt);
    }

    @Transactional
    public Optional<Found> find(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT u.id, u.username, u.role, s.csrf_token, s.expires_at FROM user_session s JOIN app_user u ON u.id = s.user_id
                WHERE s.token_hash = ?1 AND s.expires_at > now()""")
                .setParameter(1, hash(token)).getResultList();
        return rows.stream().findFirst().map(row -> new Found(
                new SignedInUser((UUID) row[0], (String) row[1], Role.valueOf((String) row[2])), (String) row[3],
                StoreValues.instant(row[4])));
    }

    @Transactional
    public void end(String token) {
        entities.createNativeQuery("DELETE FROM user_session WHERE token_hash = ?1").setParameter(1, hash(token)).executeUpdate();
    }

    /** Signs a user out everywhere but in the given session (after a password change), or everywhere. */
    @Override
    @Transactional
    public void endAllOf(UUID userId, Optional<String> except) {
        entities.createNativeQuery("DELETE FROM user_session WHERE user_id = ?1 AND token_hash <> ?2")
                .setParameter(1, userId).setParameter(2, except.map(Sessions::hash).orElse("")).executeUpdate();
    }

    public Duration timeout() {
        return timeout;
    }


    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
