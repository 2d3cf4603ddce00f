package io.dsm.watch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Retries come later and later, never more than 10 minutes apart, and as late as a receiver asks. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), new Random(14));

    @Test
    void eachRetryWaitsAboutTwiceAsLongAsThePreviousOne() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 2000L << (attempt - 1);
            assertThat(backoff.after(attempt, Optional.empty()).toMillis()).isBetween(full * 3 / 4, full);
        }
    }

    @Test
    void noRetryWaitsLongerThanTenMinutes() {
        assertThat(backoff.after(10, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(10))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(450));
        assertThat(backoff.after(100, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRetryAfterIsHonouredUpToTenMinutes() {
        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(10));
    }
}
