package io.dsm.watch.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/** A re-check asked for within DSM_WATCH_RECHECK_MIN_INTERVAL of the last one: a 429 with Retry-After. */
public class RecheckTooSoon extends TextException {

    private final long retryAfterSeconds;

    RecheckTooSoon(long retryAfterSeconds) {
        super(Text.of("problem.recheck-too-soon", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
