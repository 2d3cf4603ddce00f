package io.dsm.provisioning.service;

import java.util.List;

/** A provisioning file as read: what it declares, or why it cannot be applied (then nothing of it is). */
record ParsedFile(String name, String checksum, boolean prune, List<DeclaredSource> sources, List<ProvisioningError> errors) {

    /** A file that fails as a whole, for one reason. */
    static ParsedFile failed(String name, String checksum, ProvisioningError error) {
        return new ParsedFile(name, checksum, false, List.of(), List.of(error));
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
