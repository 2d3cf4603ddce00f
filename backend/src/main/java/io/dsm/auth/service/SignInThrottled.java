package io.dsm.auth.service;

/** Too many failed sign-ins for this user or from this address: answered 429 with Retry-After. */
public class SignInThrottled extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super("Too many failed sign-ins; retry in " + retryAfterSeconds + " s.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
