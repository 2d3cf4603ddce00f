package io.dsm.provisioning.service;

import java.util.List;

/** A provisioning file as read: what it declares, or why it cannot be applied (then nothing of it is). */
record ParsedFile(String name, String checksum, boolean prune, List<DeclaredSource> sources, List<ProvisioningError> errors) {

    boolean valid() {
        return errors.isEmpty();
    }
}
