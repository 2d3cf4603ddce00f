package io.dsm.watch.service;

/** A re-check asked for within DSM_WATCH_RECHECK_MIN_INTERVAL of the last one: a 429 with Retry-After. */
public class RecheckTooSoon extends RuntimeException {

    private final long retryAfterSeconds;

    RecheckTooSoon(long retryAfterSeconds) {
        super("This data source was re-checked moments ago; it can be re-checked again in " + retryAfterSeconds
                + " s. The background watch keeps checking it meanwhile.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
