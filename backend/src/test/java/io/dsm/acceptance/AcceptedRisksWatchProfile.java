package io.dsm.acceptance;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The watch on every 10 s, with a test timeout a busy machine does not turn into a NETWORK failure, and the
 * webhook on: its events are read in the store, where they are queued (nothing listens at the URL).
 */
public class AcceptedRisksWatchProfile implements QuarkusTestProfile {

    public static final long INTERVAL_MS = 10_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.watch.enabled", "true", "dsm.watch.interval", INTERVAL_MS + "ms", "dsm.watch.threads", "2",
                "dsm.watch.recheck-min-interval", "1s", "dsm.test.timeout", "10s",
                "dsm.watch.webhook-url", "http://127.0.0.1:9/hooks/dsm", "dsm.watch.webhook-max-attempts", "1");
    }
}
