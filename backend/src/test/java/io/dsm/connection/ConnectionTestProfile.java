package io.dsm.connection;

import java.util.Map;

import io.dsm.config.DsmConfig;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A short test timeout, so the bound is checked quickly, one loopback address denied, and a transaction
 * held for a second counted as long, so that slots.creation can be shown without waiting minutes.
 */
public class ConnectionTestProfile implements QuarkusTestProfile {

    public static final long TIMEOUT_MS = 2000;
    public static final String DENIED_ADDRESS = "127.0.0.2";
    public static final long LONG_TRANSACTION_MS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsm.test.timeout", TIMEOUT_MS + "ms",
                "dsm.readiness.long-transaction", LONG_TRANSACTION_MS + "ms",
                "dsm.connect.deny", DsmConfig.Connect.DEFAULT_DENY + "," + DENIED_ADDRESS + "/32");
    }
}
