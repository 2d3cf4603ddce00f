package io.dsm.auth;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The real limit, in an application of its own: counting failures from 127.0.0.1 would throttle other tests. */
public class SignInThrottlingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.auth.failed-sign-ins-per-minute", "5");
    }
}
