package io.dsm.watch.service;

import java.time.Duration;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;

/** The watch's settings, checked at startup: a value out of range stops the start and names its variable. */
record WatchSettings(boolean enabled, Duration interval, int threads, int historyLimit, Duration historyRetention,
        Duration recheckMinInterval, Duration testTimeout) {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    static WatchSettings of(DsmConfig config) {
        DsmConfig.Watch watch = config.watch();
        if (watch.interval().compareTo(MIN_INTERVAL) < 0 || watch.interval().compareTo(Duration.ofDays(1)) > 0) {
            throw new StartupFailure("DSM_WATCH_INTERVAL must be between 5s and 24h; it is " + watch.interval());
        }
        if (watch.threads() < 1 || watch.threads() > 256) {
            throw new StartupFailure("DSM_WATCH_THREADS must be between 1 and 256; it is " + watch.threads());
        }
        if (watch.historyLimit() < 1 || watch.historyLimit() > 10_000) {
            throw new StartupFailure("DSM_WATCH_HISTORY_LIMIT must be between 1 and 10000; it is " + watch.historyLimit());
        }
        if (watch.historyRetention().compareTo(Duration.ofHours(1)) < 0) {
            throw new StartupFailure("DSM_WATCH_HISTORY_RETENTION must be at least 1h; it is " + watch.historyRetention());
        }
        if (watch.recheckMinInterval().isNegative()) {
            throw new StartupFailure("DSM_WATCH_RECHECK_MIN_INTERVAL must not be negative");
        }
        if (watch.slotWarningBytes() < 0) {
            throw new StartupFailure("DSM_WATCH_SLOT_WARNING_BYTES must not be negative");
        }
        return new WatchSettings(watch.enabled(), watch.interval(), watch.threads(), watch.historyLimit(), watch.historyRetention(),
                watch.recheckMinInterval(), config.test().timeout());
    }

    /**
     * How long a claimed check may run before another instance may take it over: the test's own
     * bound and a margin for loading the source and storing the result.
     */
    Duration claimTtl() {
        return testTimeout.plusSeconds(5);
    }

    /** How long after its last poll an instance still counts for the split of the sources. */
    Duration instanceAlive() {
        return pollEvery().multipliedBy(3).plusSeconds(1);
    }

    /** How overdue a check may get before any instance takes it, whoever's share it is. */
    Duration handoverAfter() {
        return Duration.ofSeconds(2);
    }

    /** How often due checks are looked for: often enough that none starts more than a second late, never more than the interval. */
    Duration pollEvery() {
        return Duration.ofMillis(Math.min(1000, interval.toMillis() / 5));
    }
}
