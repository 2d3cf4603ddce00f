package io.dsm.connection.service;

import java.net.Socket;
import java.util.function.Function;

/**
 * TCP connections a test's probe opened and timed, waiting for pgjdbc to take them over, so that a
 * test opens one connection to the target instead of a probe and then another: every connection
 * costs the target a forked backend, and with log_connections a line in its log.
 * <p>
 * pgjdbc instantiates {@link PinnedSocketFactory} through its own class loader. Where that is not
 * the application's (Quarkus tests load the driver parent-first), the factory is a second copy of
 * the class with a second copy of this registry, so it looks the registry up through the thread's
 * context class loader and calls it through {@link #CLAIM}, a JDK type both copies share.
 */
public final class ParkedSockets {

    /** The socket parked under a token, taken out of the registry; null when there is none. */
    public static final Function<String, Socket> CLAIM = ParkedSockets::claim;

    private static final TokenRegistry<Socket> PARKED = new TokenRegistry<>();

    private ParkedSockets() {
    }

    /** @return the token under which pgjdbc's socket factory claims the socket */
    static String park(Socket connected) {
        return PARKED.put(connected);
    }

    /** @return whether the socket was still waiting: pgjdbc failed before it asked, or dialled again */
    static boolean unclaimed(String token) {
        return PARKED.remove(token) != null;
    }

    private static Socket claim(String token) {
        return PARKED.remove(token);
    }

    /**
     * For the factory, from whichever class loader it was loaded: the parked socket, or null to dial.
     * Its own copy of the registry first (one class loader, as in the packaged service), then the
     * application's, found through the thread's context class loader.
     */
    @SuppressWarnings("unchecked")
    static Socket claimFromContext(String token) {
        Socket local = claim(token);
        Function<String, Socket> application = local == null ? ContextCopies.field(ParkedSockets.class, "CLAIM", Function.class)
                : null;
        return application == null ? local : application.apply(token);
    }
}
