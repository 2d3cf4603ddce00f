package io.dsm.heartbeat;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Beats every 500 ms, so that what takes minutes at 5 s takes seconds. */
public class FastHeartbeatProfile implements QuarkusTestProfile {

    public static final long INTERVAL_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.heartbeat.interval", INTERVAL_MS + "ms");
    }
}
