package io.dsm.provisioning.service;

/**
 * Why a provisioning file was not applied: where (a line, from 1, when known; a field path such as
 * {@code dataSources[0].port}) and what, in the API's words. Never a secret.
 */
public record ProvisioningError(Integer line, String field, String message) {
}
