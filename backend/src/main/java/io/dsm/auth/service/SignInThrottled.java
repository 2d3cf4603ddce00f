package io.dsm.auth.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemType;
import io.dsm.common.problem.RetryLater;

/** Too many failed sign-ins for this user or from this address: answered 429 with Retry-After. */
public class SignInThrottled extends RetryLater {

    public SignInThrottled(long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_SIGN_INS, Text.of("problem.sign-in.throttled", retryAfterSeconds), retryAfterSeconds);
    }
}
