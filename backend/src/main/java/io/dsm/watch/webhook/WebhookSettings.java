package io.dsm.watch.webhook;

import java.time.Duration;
import java.util.Optional;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;

/**
 * The webhook's settings, checked at startup when DSM_WATCH_WEBHOOK_URL is set: a value out of range
 * stops the start and names its variable. The secret lives in {@link #signer}, which never prints it.
 *
 * @param backoff the first retry's delay, doubled on each further retry up to {@link #MAX_DELAY}
 */
record WebhookSettings(WebhookEndpoint endpoint, Optional<EventSigner> signer, int maxAttempts, Duration timeout,
        Duration backoff) {

    /** The longest wait between two attempts, whatever the backoff or a receiver's Retry-After says. */
    static final Duration MAX_DELAY = Duration.ofMinutes(10);
    /** The longest DSM_WATCH_WEBHOOK_TIMEOUT: one attempt may take no longer. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    /** Delivered and given-up events are kept this long, for whoever investigates a missed notification. */
    static final Duration RETENTION = Duration.ofDays(7);

    /** Empty when DSM_WATCH_WEBHOOK_URL is not set (or blank): no events are written or sent. */
    static Optional<WebhookSettings> of(DsmConfig config) {
        DsmConfig.Watch watch = config.watch();
        return of(watch.webhookUrl(), watch.webhookSecret(), watch.webhookMaxAttempts(), watch.webhookTimeout(),
                watch.webhookBackoff());
    }

    static Optional<WebhookSettings> of(Optional<String> url, Optional<String> secret, int maxAttempts, Duration timeout,
            Duration backoff) {
        if (url.isEmpty() || url.get().isBlank()) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = WebhookEndpoint.parse(url.get());
        if (secret.isPresent() && secret.get().isBlank()) {
            throw new StartupFailure("DSM_WATCH_WEBHOOK_SECRET must not be blank: leave it unset to send unsigned events");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new StartupFailure("DSM_WATCH_WEBHOOK_MAX_ATTEMPTS must be between 1 and 100; it is " + maxAttempts);
        }
        if (timeout.toMillis() < 100 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new StartupFailure("DSM_WATCH_WEBHOOK_TIMEOUT must be between 100ms and 5m; it is " + timeout);
        }
        if (backoff.toMillis() < 1 || backoff.compareTo(MAX_DELAY) > 0) {
            throw new StartupFailure("DSM_WATCH_WEBHOOK_BACKOFF must be between 1ms and 10m; it is " + backoff);
        }
        return Optional.of(new WebhookSettings(endpoint, secret.map(EventSigner::new), maxAttempts, timeout, backoff));
    }

    /**
     * How long a claimed event stays with this instance: one attempt (name lookup and request both
     * within the timeout) and a margin, so a live instance never loses an event mid-attempt while a
     * dead one's claim expires soon.
     */
    Duration claimTtl() {
        return timeout.plusSeconds(30);
    }
}
