package io.dsm.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import io.dsm.user.service.PasswordHasher;
import io.dsm.user.service.RememberedCredentials;
import io.dsm.user.service.UserAccounts;

/**
 * Checks a username and password. PBKDF2 is slow on purpose, and HTTP Basic sends the password
 * with every request, so a password that matched is remembered, as an HMAC under a key that lives
 * only in this process, for as long as the stored hash stays the same. Users are re-read from the
 * store every few seconds, so a changed password, role or a deleted user takes effect on every
 * instance within {@link #USER_REFRESH}. Callers check through {@link SignInAttempts}, so that the
 * throttle decides before either the remembered password or the hash is looked at.
 */
@Singleton
public class Credentials implements RememberedCredentials {

    static final Duration USER_REFRESH = Duration.ofSeconds(5);
    private static final int MAX_CACHED = 10_000;
    /** Checked when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private static final String DECOY_HASH = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).hash("decoy-password-never-used");

    private record CachedUser(SignedInUser user, String passwordHash, long loadedNanos) {
    }

    private final UserAccounts users;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, CachedUser> byName = new ConcurrentHashMap<>();
    /** HMAC of a password that matched, keyed by the hash it matched. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public Credentials(UserAccounts users) {
        this.users = users;
        new SecureRandom().nextBytes(cacheKey);
    }

    /** A password that matched; {@code checkedNow} when it was checked against its hash rather than remembered. */
    public record Match(SignedInUser user, boolean checkedNow) {
    }

    /** The user, if the password is theirs; empty otherwise (unknown user or wrong password alike). */
    public Optional<Match> check(String username, String password) {
        Optional<CachedUser> found = user(username);
        if (found.isEmpty()) {
            PasswordHasher.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        CachedUser user = found.get();
        String mac = mac(password);
        String remembered = verified.get(user.passwordHash());
        if (remembered != null && constantTimeEquals(mac, remembered)) {
            return Optional.of(new Match(user.user(), false));
        }
        if (!PasswordHasher.matches(password, user.passwordHash())) {
            return Optional.empty();
        }
        if (verified.size() > MAX_CACHED) {
            verified.clear();
        }
        verified.put(user.passwordHash(), mac);
        return Optional.of(new Match(user.user(), true));
    }

    /** This instance changed a user: forget what it knew at once (others catch up within {@link #USER_REFRESH}). */
    @Override
    public void forget(String username) {
        byName.remove(key(username));
    }

    private Optional<CachedUser> user(String username) {
        String key = key(username);
        CachedUser cached = byName.get(key);
        if (cached != null && System.nanoTime() - cached.loadedNanos() < USER_REFRESH.toNanos()) {
            return Optional.of(cached);
        }
        Optional<UserAccounts.Account> account = users.byUsername(username);
        if (account.isEmpty()) {
            byName.remove(key);
            return Optional.empty();
        }
        UserAccounts.Account found = account.get();
        CachedUser loaded = new CachedUser(new SignedInUser(found.id(), found.username(), found.role()), found.passwordHash(),
                System.nanoTime());
        if (byName.size() > MAX_CACHED) {
            byName.clear();
        }
        byName.put(key, loaded);
        return Optional.of(loaded);
    }

    /** One initialised HMAC per thread: Basic authenticates every request, and Mac.getInstance is not free. */
    private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private String mac(String password) {
        return java.util.HexFormat.of().formatHex(hmac.get().doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
