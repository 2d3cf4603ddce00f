package io.dsm.embedded;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;

/** Stops the embedded store with the application (in dev mode it outlives live reloads). */
@Singleton
public class EmbeddedStoreLifecycle {

    void onStop(@Observes ShutdownEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedStore.stop();
        }
    }
}
