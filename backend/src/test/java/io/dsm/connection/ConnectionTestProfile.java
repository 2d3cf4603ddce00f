package io.dsm.connection;

import java.util.Map;

import io.dsm.config.DsmConfig;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A short test timeout, so the bound is checked quickly, and one loopback address denied. */
public class ConnectionTestProfile implements QuarkusTestProfile {

    public static final long TIMEOUT_MS = 2000;
    public static final String DENIED_ADDRESS = "127.0.0.2";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsm.test.timeout", TIMEOUT_MS + "ms",
                "dsm.connect.deny", DsmConfig.Connect.DEFAULT_DENY + "," + DENIED_ADDRESS + "/32");
    }
}
