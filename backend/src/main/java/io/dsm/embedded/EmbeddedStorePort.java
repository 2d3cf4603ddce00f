package io.dsm.embedded;

import java.util.OptionalInt;

/**
 * What other domains may know of the embedded store: the port it listens on at this host's
 * addresses while it runs, so that nothing dsm dials on a user's behalf (connection tests,
 * heartbeats) reaches dsm's own data. Empty with an external store: the other databases of that
 * server are legitimate sources.
 */
@FunctionalInterface
public interface EmbeddedStorePort {

    OptionalInt port();
}
