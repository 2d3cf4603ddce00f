package io.dsm.watch.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed event again: exponential backoff (2s, 4s, 8s ... with the default base) up to
 * {@link WebhookSettings#MAX_DELAY}, less up to a quarter at random so that events that failed
 * together (a receiver down for an hour) do not all come back in the same second. A receiver's
 * Retry-After is honoured up to the same cap.
 */
final class Backoff {

    private final Duration base;
    private final RandomGenerator random;

    Backoff(Duration base, RandomGenerator random) {
        this.base = base;
        this.random = random;
    }

    /** @param failedAttempt the attempt that just failed, 1 for the first */
    Duration after(int failedAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), WebhookSettings.MAX_DELAY);
        }
        long capMillis = WebhookSettings.MAX_DELAY.toMillis();
        int doublings = Math.min(failedAttempt - 1, 30);
        long millis = Math.min(capMillis, base.toMillis() << doublings);
        if (millis <= 0 || millis > capMillis) {
            millis = capMillis;
        }
        long jitter = random.nextLong(millis / 4 + 1);
        return Duration.ofMillis(millis - jitter);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
