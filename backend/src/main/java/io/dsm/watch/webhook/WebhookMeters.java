package io.dsm.watch.webhook;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The webhook's metrics: what this instance's attempts came to, and the events still to deliver
 * (read from the store, so every instance shows the same backlog).
 */
final class WebhookMeters {

    private final Counter delivered;
    private final Counter retried;
    private final Counter givenUp;
    private final Counter refused;
    private final AtomicLong pending = new AtomicLong();

    WebhookMeters(MeterRegistry meters) {
        delivered = deliveries(meters, "delivered");
        retried = deliveries(meters, "retried");
        givenUp = deliveries(meters, "given_up");
        refused = deliveries(meters, "refused");
        Gauge.builder("dsm.watch.webhook.pending", pending, AtomicLong::get)
                .description("Readiness events neither delivered nor given up yet").register(meters);
    }

    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("dsm.watch.webhook.deliveries").tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome: delivered, retried, given_up (after the last attempt or"
                        + " a 4xx), refused (address policy)")
                .register(meters);
    }

    void count(Outcome outcome, boolean lastAttempt) {
        if (outcome instanceof Outcome.Delivered) {
            delivered.increment();
        } else if (outcome instanceof Outcome.Retry) {
            (lastAttempt ? givenUp : retried).increment();
        } else if (outcome instanceof Outcome.Refused) {
            refused.increment();
        } else {
            givenUp.increment();
        }
    }

    void pending(long count) {
        pending.set(count);
    }
}
