package io.dsm.auth.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.dsm.config.DsmConfig;

/**
 * Counts failed password checks per username and per client address over a sliding minute. Past
 * the limit, every attempt is refused before any password is checked, the right one included: a
 * throttle that let the right password through would tell the guesser which guess was right. A
 * success does not wipe the failures either, or a service signing in every second would reset the
 * count between a distributed guesser's tries. While a user or address is throttled, the attempts
 * it refuses are counted, so that the audit can record one throttling with its count rather than a
 * line per guess. Kept in memory: each instance counts the attempts it sees.
 */
@Singleton
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    /** What failures are counted for: a user (by name, ignoring case) from anywhere, or an address whoever it signs in as. */
    public record Counted(String username, String address) {

        static Counted user(String username) {
            return new Counted(username == null ? "" : username.toLowerCase(Locale.ROOT), null);
        }

        static Counted address(String address) {
            return new Counted(null, address);
        }

        @Override
        public String toString() {
            return username != null ? "user " + username : "address " + address;
        }
    }

    /** A throttling that is over: whom it held back, for how long, and how many attempts it refused. */
    public record Ended(Counted counted, Duration lasted, long refused) {
    }

    private static final class Throttling {
        private final long sinceNanos;
        private long refused;

        private Throttling(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }
    }

    private final int limit;
    private final Ticker ticker;
    /** Guarded by this: every method holds the lock for a few map operations, never during a password check. */
    private final Map<Counted, Deque<Long>> failures = new HashMap<>();
    private final Map<Counted, Throttling> throttlings = new HashMap<>();

    @Inject
    public SignInThrottle(DsmConfig config, Ticker ticker) {
        this(config.auth().failedSignInsPerMinute(), ticker);
    }

    public SignInThrottle(int failuresPerMinute, Ticker ticker) {
        this.limit = Math.max(1, failuresPerMinute);
        this.ticker = ticker;
    }

    /** Failures per minute, per user and per address, from which attempts are refused. */
    public int limit() {
        return limit;
    }

    /**
     * Lets an attempt go on to its password check, or refuses it and counts it as refused.
     *
     * @throws SignInThrottled when the user or the address used up its failures for now
     */
    public synchronized void check(String username, String address) {
        long now = ticker.nanos();
        long wait = 0;
        for (Counted counted : countedFor(username, address)) {
            long waitFor = waitNanos(counted, now);
            if (waitFor > 0) {
                throttlings.computeIfAbsent(counted, c -> new Throttling(now)).refused++;
                wait = Math.max(wait, waitFor);
            }
        }
        if (wait > 0) {
            throw new SignInThrottled(Duration.ofNanos(wait).toSeconds() + 1);
        }
    }

    /**
     * Counts a failed password check.
     *
     * @return for whom throttling starts with this failure
     */
    public synchronized List<Counted> failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            // An attack with ever new names must not grow memory without end; forgetting is the lesser evil.
            failures.clear();
        }
        long now = ticker.nanos();
        List<Counted> started = new ArrayList<>();
        for (Counted counted : countedFor(username, address)) {
            Deque<Long> times = failures.computeIfAbsent(counted, c -> new ArrayDeque<>());
            expire(times, now);
            times.addLast(now);
            if (times.size() >= limit && !throttlings.containsKey(counted)) {
                throttlings.put(counted, new Throttling(now));
                started.add(counted);
            }
        }
        return started;
    }

    /** The throttlings that are over, now forgotten; failures that aged out are forgotten too. */
    public synchronized List<Ended> endLapsed() {
        long now = ticker.nanos();
        failures.values().removeIf(times -> {
            expire(times, now);
            return times.isEmpty();
        });
        List<Ended> ended = new ArrayList<>();
        for (Iterator<Map.Entry<Counted, Throttling>> open = throttlings.entrySet().iterator(); open.hasNext();) {
            Map.Entry<Counted, Throttling> throttling = open.next();
            if (waitNanos(throttling.getKey(), now) == 0) {
                open.remove();
                ended.add(new Ended(throttling.getKey(), Duration.ofNanos(now - throttling.getValue().sinceNanos),
                        throttling.getValue().refused));
            }
        }
        return ended;
    }

    /** How long until fewer than the limit of the failures remain in the window: the oldest ones must age out. */
    private long waitNanos(Counted counted, long now) {
        Deque<Long> times = failures.get(counted);
        if (times == null) {
            return 0;
        }
        expire(times, now);
        if (times.size() < limit) {
            return 0;
        }
        Iterator<Long> oldestFirst = times.iterator();
        for (int i = 0; i < times.size() - limit; i++) {
            oldestFirst.next();
        }
        return Math.max(1, oldestFirst.next() + WINDOW.toNanos() - now);
    }

    private static void expire(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW.toNanos()) {
            times.removeFirst();
        }
    }

    private static List<Counted> countedFor(String username, String address) {
        return address == null ? List.of(Counted.user(username)) : List.of(Counted.user(username), Counted.address(address));
    }
}
