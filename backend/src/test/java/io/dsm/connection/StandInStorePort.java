package io.dsm.connection;

import java.net.InetAddress;
import java.util.OptionalInt;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.dsm.embedded.EmbeddedStorePort;
import io.dsm.testing.Sockets;

/**
 * Stands in for the embedded store: the Quarkus tests run on an external store, so a listener on
 * loopback plays the embedded one, and counts every connection that reaches it. Enabled only by
 * {@link OwnStoreProfile}.
 */
@Alternative
@Singleton
public class StandInStorePort implements EmbeddedStorePort {

    static final Sockets.Tarpit STORE = new Sockets.Tarpit(InetAddress.getLoopbackAddress());

    @Override
    public OptionalInt port() {
        return OptionalInt.of(STORE.port());
    }
}
