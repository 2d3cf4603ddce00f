package io.dsm.auth.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/** Too many failed sign-ins for this user or from this address: answered 429 with Retry-After. */
public class SignInThrottled extends TextException {

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super(Text.of("problem.sign-in.throttled", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
