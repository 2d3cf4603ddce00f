package io.dsm.watch.service;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The watch off, so that only the test claims checks, as many instances as it likes; the webhook on, its events
 * read in the store where they are queued (nothing listens at the URL); a test timeout a busy machine does not
 * turn into a NETWORK failure.
 */
public class WebhookQueuedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.test.timeout", "15s", "dsm.watch.webhook-url", "http://127.0.0.1:9/hooks/dsm",
                "dsm.watch.webhook-max-attempts", "1");
    }
}
