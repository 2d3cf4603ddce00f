package io.dsm.provisioning.service;

import io.dsm.common.i18n.Text;

/**
 * Why a provisioning file was not applied: where (a line, from 1, when known; a field path such as
 * {@code dataSources[0].port}) and what, in the API's words, kept as {@link Text} so that the status endpoint
 * answers in the reader's language. Never a secret.
 */
public record ProvisioningError(Integer line, String field, Text message) {

    public static ProvisioningError of(Integer line, String field, String key, Object... args) {
        return new ProvisioningError(line, field, Text.of(key, args));
    }
}
