package io.dsm.watch.webhook;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The webhook on, pointed at the test's {@link Receiver} on 127.0.0.1 (its port chosen by
 * {@link ReceiverPorts}), with three attempts, a short timeout and backoff, and a watch interval of 5 s
 * so that real state changes come quickly.
 */
public class WebhookProfile implements QuarkusTestProfile {

    static final String ADDRESS = "127.0.0.1";
    static final String SECRET = "whsec-Test-61c2e0";
    /** The URL's path and query, which must reach the receiver unchanged and never show in logs. */
    static final String PATH_AND_QUERY = "/hooks/dsm?token=tok-Path-3f9a";
    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsm.watch.webhook-url", "http://" + ADDRESS + ":" + ReceiverPorts.of("signed") + PATH_AND_QUERY,
                "dsm.watch.webhook-secret", SECRET,
                "dsm.watch.webhook-max-attempts", Integer.toString(MAX_ATTEMPTS),
                "dsm.watch.webhook-timeout", "2s",
                "dsm.watch.webhook-backoff", "100ms",
                "dsm.watch.enabled", "true",
                "dsm.watch.interval", "5s");
    }
}
