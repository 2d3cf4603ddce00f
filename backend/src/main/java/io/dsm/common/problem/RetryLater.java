package io.dsm.common.problem;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/**
 * A refusal that passes with time: answered 429 with its problem type and Retry-After by one mapper
 * ({@link ProblemMappers}), whichever domain refuses (sign-ins, connection tests, re-checks).
 */
public abstract class RetryLater extends TextException {

    private final ProblemType type;
    private final long retryAfterSeconds;

    protected RetryLater(ProblemType type, Text text, long retryAfterSeconds) {
        super(text);
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
