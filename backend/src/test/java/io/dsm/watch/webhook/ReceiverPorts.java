package io.dsm.watch.webhook;

import io.dsm.testing.Sockets;

/**
 * The receivers' ports, chosen once per JVM. Quarkus loads a test profile in a class loader of its
 * own and the test class in another, so a static receiver in the profile would be a second receiver,
 * not the one the test reads: the profile names the port, and the test starts the receiver on it.
 * System properties are the one place both class loaders share.
 */
final class ReceiverPorts {

    private ReceiverPorts() {
    }

    static int of(String receiver) {
        String key = "webhook-test-receiver." + receiver;
        synchronized (System.getProperties()) {
            String port = System.getProperty(key);
            if (port == null) {
                port = Integer.toString(Sockets.closedPort());
                System.setProperty(key, port);
            }
            return Integer.parseInt(port);
        }
    }
}
