package io.dsm.watch.webhook;

import java.time.Duration;
import java.util.Optional;

/** What one delivery attempt came to, and so what happens to the event next. */
sealed interface Outcome {

    /** The receiver answered 2xx. */
    record Delivered(int status) implements Outcome {
    }

    /** Worth another attempt: no answer, a timeout, 408, 429 or 5xx. */
    record Retry(String error, Optional<Duration> retryAfter) implements Outcome {
    }

    /** The receiver refused the event (another 4xx, or a redirect, which is not followed): sending it again would not help. */
    record Rejected(String error) implements Outcome {
    }

    /** The address policy forbids the receiver's address: nothing was sent. */
    record Refused(String error) implements Outcome {
    }

    static Outcome of(WebhookClient.Response response) {
        int status = response.status();
        String answer = "HTTP " + status + (response.reason().isEmpty() ? "" : " " + response.reason());
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Retry(answer + response.retryAfter().map(delay -> " (Retry-After " + delay.toSeconds() + "s)").orElse(""),
                    response.retryAfter());
        }
        if (status >= 300 && status < 400) {
            return new Rejected(answer + ": redirects are not followed; set DSM_WATCH_WEBHOOK_URL to the final address");
        }
        return new Rejected(answer + ": the receiver refused the event");
    }
}
