package io.dsm.user.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.dsm.config.DsmConfig;

/** The hasher of new passwords, with DSM_AUTH_PASSWORD_HASH_ITERATIONS: made once for the first admin and the user API. */
@Singleton
class ConfiguredPasswordHasher {

    @Produces
    @Singleton
    PasswordHasher hasher(DsmConfig config) {
        return new PasswordHasher(config.auth().passwordHashIterations());
    }
}
