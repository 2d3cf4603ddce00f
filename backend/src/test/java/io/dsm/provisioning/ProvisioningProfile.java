package io.dsm.provisioning;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A provisioning folder and a secrets folder of their own, looked at every 300 ms. */
public class ProvisioningProfile implements QuarkusTestProfile {

    static final long SCAN_MS = 300;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsm.provisioning.dir", Folders.provisioning().toString(), "dsm.secrets-dir", Folders.secrets().toString(),
                "dsm.provisioning.scan-interval", SCAN_MS + "ms");
    }
}
