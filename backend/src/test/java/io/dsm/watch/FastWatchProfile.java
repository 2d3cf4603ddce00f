package io.dsm.watch;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The watch on, re-checking every 5 s (its least interval), with a short test timeout and re-checks 1 s apart. */
public class FastWatchProfile implements QuarkusTestProfile {

    public static final long INTERVAL_MS = 5000;
    public static final long TIMEOUT_MS = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.watch.enabled", "true", "dsm.watch.interval", INTERVAL_MS + "ms", "dsm.watch.threads", "2",
                "dsm.watch.recheck-min-interval", "1s", "dsm.test.timeout", TIMEOUT_MS + "ms");
    }
}
