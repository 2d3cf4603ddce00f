package io.dsm.connection;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An embedded store (a stand-in) on loopback, an allow list that permits loopback, and fast heartbeats. */
public class OwnStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsm.connect.allow", "127.0.0.0/8,::1/128",
                "dsm.heartbeat.interval", "500ms");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(StandInStorePort.class);
    }
}
