package io.dsm.auth;

import java.util.Map;
import java.util.Set;

/**
 * The real limit, in an application of its own: counting failures from 127.0.0.1 would throttle other
 * tests. Its time is a {@link ManualTicker}, so that tests end a throttling instead of waiting for it.
 */
public class SignInThrottlingProfile implements io.quarkus.test.junit.QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.auth.failed-sign-ins-per-minute", "5");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ManualTicker.class);
    }
}
