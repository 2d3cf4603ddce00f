package io.dsm.embedded;

import java.util.OptionalInt;

import jakarta.inject.Singleton;

/** The port of the embedded store this process started, if it started one. */
@Singleton
class RunningEmbeddedStorePort implements EmbeddedStorePort {

    @Override
    public OptionalInt port() {
        return EmbeddedStore.port();
    }
}
