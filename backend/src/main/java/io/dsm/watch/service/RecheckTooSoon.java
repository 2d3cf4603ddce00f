package io.dsm.watch.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemType;
import io.dsm.common.problem.RetryLater;

/** A re-check asked for within DSM_WATCH_RECHECK_MIN_INTERVAL of the last one: a 429 with Retry-After. */
public class RecheckTooSoon extends RetryLater {

    RecheckTooSoon(long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_RECHECKS, Text.of("problem.recheck-too-soon", retryAfterSeconds), retryAfterSeconds);
    }
}
