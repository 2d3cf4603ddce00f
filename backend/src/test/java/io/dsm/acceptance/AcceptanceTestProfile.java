package io.dsm.acceptance;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A test timeout long enough that a busy machine does not turn a slow answer into a NETWORK failure. */
public class AcceptanceTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.test.timeout", "15s");
    }
}
