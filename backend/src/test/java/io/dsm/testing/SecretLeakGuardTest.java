package io.dsm.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard that every API test relies on must be able to fail. */
class SecretLeakGuardTest {

    @Test
    void failsWhenAResponseRepeatsAPasswordThatWasSent() {
        SecretLeakGuard.remember("{\"identifier\": \"x\", \"password\": \"pw-Guard-Canary-3301\"}");
        assertThatThrownBy(() -> SecretLeakGuard.assertNoSentPassword("A response", "{\"echo\": \"pw-Guard-Canary-3301\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("contains a password")
                .hasMessageNotContaining("pw-Guard-Canary-3301");
    }

    @Test
    void remembersStandbyPasswordsToo() {
        SecretLeakGuard.remember("{\"standby\": {\"host\": \"h\", \"password\": \"pw-Guard-Standby-3302\"}}");
        assertThatThrownBy(() -> SecretLeakGuard.assertNoSentPassword("A log line", "... pw-Guard-Standby-3302 ..."))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void passesTextWithoutAnySentPassword() {
        SecretLeakGuard.remember("{\"password\": \"pw-Guard-Canary-3303\"}");
        assertThatCode(() -> SecretLeakGuard.assertNoSentPassword("A response", "{\"passwordSet\": true}"))
                .doesNotThrowAnyException();
    }
}
