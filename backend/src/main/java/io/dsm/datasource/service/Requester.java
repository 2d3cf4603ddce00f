package io.dsm.datasource.service;

import io.dsm.common.security.Role;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who sends a data source through the API, as far as its passwords are concerned. A password
 * reference names a secret the sender never saw, so only one trusted with all of them (an ADMIN) may
 * give one; provisioning files, written by whoever deploys dsm, do not come through here.
 */
public record Requester(boolean mayNameReferences) {

    public static Requester of(SecurityIdentity identity) {
        return new Requester(identity.hasRole(Role.ADMIN_NAME));
    }
}
