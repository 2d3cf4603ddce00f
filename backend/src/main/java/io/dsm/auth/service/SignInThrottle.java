package io.dsm.auth.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.dsm.config.DsmConfig;

/**
 * Counts failed sign-ins per username and per client address over a sliding minute; past the limit,
 * further attempts are refused before any password is checked, so guessing costs the guesser time,
 * not dsm CPU. Kept in memory: each instance counts the attempts it sees.
 */
@Singleton
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public SignInThrottle(DsmConfig config) {
        this(config.auth().failedSignInsPerMinute());
    }

    public SignInThrottle(int failuresPerMinute) {
        this.limit = Math.max(1, failuresPerMinute);
    }

    /** @throws SignInThrottled when the user or the address used up its failures for now */
    public void check(String username, String address) {
        long now = System.nanoTime();
        long wait = Math.max(waitNanos("user:" + normalized(username), now), waitNanos("address:" + address, now));
        if (wait > 0) {
            throw new SignInThrottled(Math.max(1, Duration.ofNanos(wait).toSeconds() + 1));
        }
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            // An attack with ever new names must not grow memory without end; forgetting is the lesser evil.
            failures.clear();
        }
        long now = System.nanoTime();
        record("user:" + normalized(username), now);
        record("address:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove("user:" + normalized(username));
    }

    private void record(String key, long now) {
        failures.compute(key, (k, times) -> {
            Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
            synchronized (kept) {
                expire(kept, now);
                kept.addLast(now);
            }
            return kept;
        });
    }

    private long waitNanos(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return times.peekFirst() + WINDOW.toNanos() - now;
        }
    }

    private static void expire(Deque<Long> times, long now) {
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW.toNanos()) {
                times.removeFirst();
            }
        }
    }

    private static String normalized(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
