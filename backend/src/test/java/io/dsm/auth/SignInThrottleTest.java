package io.dsm.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.dsm.auth.service.SignInThrottle;
import io.dsm.auth.service.SignInThrottled;

class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(5);

    @Test
    void refusesAUserAfterFiveFailuresInAMinuteWhateverTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("Jane", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.check("jane", "10.0.0.99")).isInstanceOf(SignInThrottled.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SignInThrottled) e).retryAfterSeconds()).isBetween(1L, 61L));
    }

    @Test
    void refusesAnAddressAfterFiveFailuresWhateverTheUsers() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("someone-else", "10.0.0.1")).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void letsFourFailuresPass() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jane", "10.0.0.1");
        }
        assertThatCode(() -> throttle.check("jane", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void forgetsAUsersFailuresAfterASuccess() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jane", "10.0.0." + i);
        }
        throttle.succeeded("jane");
        throttle.failed("jane", "10.0.0.9");
        assertThatCode(() -> throttle.check("jane", "10.0.0.10")).doesNotThrowAnyException();
    }
}
