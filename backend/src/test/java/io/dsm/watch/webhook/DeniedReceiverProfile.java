package io.dsm.watch.webhook;

import java.util.Map;

import io.dsm.config.DsmConfig;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The webhook pointed at 127.0.0.2, which DSM_CONNECT_DENY excludes (the test listens there, counting connections). */
public class DeniedReceiverProfile implements QuarkusTestProfile {

    static final String DENIED_ADDRESS = "127.0.0.2";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsm.watch.webhook-url", "http://" + DENIED_ADDRESS + ":" + ReceiverPorts.of("denied") + "/hook",
                "dsm.connect.deny", DsmConfig.Connect.DEFAULT_DENY + "," + DENIED_ADDRESS + "/32");
    }
}
