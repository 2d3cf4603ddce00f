package io.dsm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.dsm.auth.service.SignInThrottle;
import io.dsm.auth.service.SignInThrottled;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final SignInThrottle throttle = new SignInThrottle(5, now::get);

    private void wait(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private void refuse(String username, String address) {
        assertThatThrownBy(() -> throttle.check(username, address)).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void refusesAUserAfterFiveFailuresInAMinuteWhateverTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("Jane", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.check("jane", "10.0.0.99")).isInstanceOf(SignInThrottled.class)
                .satisfies(e -> assertThat(((SignInThrottled) e).retryAfterSeconds()).isBetween(1L, 61L));
    }

    @Test
    void refusesAnAddressAfterFiveFailuresWhateverTheUsers() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        refuse("someone-else", "10.0.0.1");
    }

    @Test
    void letsFourFailuresPass() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jane", "10.0.0.1");
        }
        assertThatCode(() -> throttle.check("jane", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void letsAgainOnceTheOldestFailuresAgedOutOfTheMinute() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("jane", "10.0.0.1");
            wait(Duration.ofSeconds(10));
        }
        refuse("jane", "10.0.0.1");
        wait(Duration.ofSeconds(11));
        assertThatCode(() -> throttle.check("jane", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void saysWhenThrottlingStartsOnlyOncePerUserAndAddress() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("jane", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.failed("jane", "10.0.0.1")).extracting(Object::toString)
                .containsExactlyInAnyOrder("user jane", "address 10.0.0.1");
        assertThat(throttle.failed("jane", "10.0.0.1")).isEmpty();
    }

    @Test
    void countsTheAttemptsItRefusedUntilTheThrottlingEnds() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("jane", "10.0.0." + i);
        }
        for (int i = 0; i < 95; i++) {
            refuse("JANE", "10.0.1." + i);
        }
        assertThat(throttle.endLapsed()).as("still throttled").isEmpty();

        wait(Duration.ofSeconds(61));
        assertThat(throttle.endLapsed()).singleElement().satisfies(ended -> {
            assertThat(ended.counted()).hasToString("user jane");
            assertThat(ended.refused()).isEqualTo(95);
            assertThat(ended.lasted()).isEqualTo(Duration.ofSeconds(61));
        });
        assertThat(throttle.endLapsed()).as("recorded once").isEmpty();
    }

    @Test
    void keepsCountingAUsersFailuresAfterASuccess() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jane", "10.0.0." + i);
        }
        assertThatCode(() -> throttle.check("jane", "10.0.0.5")).as("the right password, say").doesNotThrowAnyException();
        throttle.failed("jane", "10.0.0.9");
        refuse("jane", "10.0.0.10");
    }
}
