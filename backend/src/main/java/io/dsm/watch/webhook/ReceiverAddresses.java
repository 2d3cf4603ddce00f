package io.dsm.watch.webhook;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.Hosts;

/**
 * The receiver's addresses, checked with the connection tests' address policy (DSM_CONNECT_ALLOW,
 * DSM_CONNECT_DENY). Every address the name resolves to must be allowed, not just one: a name that
 * also points inside a denied range is refused as a whole rather than tried until one passes.
 */
final class ReceiverAddresses {

    /** What the lookup found: the addresses to dial, in order, or why none may be dialed. */
    sealed interface Resolution {
    }

    record Allowed(List<InetAddress> addresses) implements Resolution {
    }

    record Refused(String reason) implements Resolution {
    }

    private final AddressPolicy policy;
    private final ExecutorService resolver;

    /** @param resolver runs name lookups, so that a slow DNS server cannot hold an attempt past its deadline */
    ReceiverAddresses(AddressPolicy policy, ExecutorService resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    Resolution resolve(String host, int port, long deadlineNanos) throws UnknownHostException, SocketTimeoutException {
        Optional<InetAddress> literal = Hosts.ipLiteral(host);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : lookUp(host, deadlineNanos);
        for (InetAddress address : addresses) {
            Optional<AddressPolicy.Refusal> refusal = policy.refusal(address, port);
            if (refusal.isPresent()) {
                String reason = refusal.get().reason().english();
                return new Refused(literal.isPresent() ? reason : host + " resolves to " + reason);
            }
        }
        return new Allowed(addresses);
    }

    private List<InetAddress> lookUp(String host, long deadlineNanos) throws UnknownHostException, SocketTimeoutException {
        Future<InetAddress[]> lookup = resolver.submit(() -> InetAddress.getAllByName(host));
        try {
            return List.of(lookup.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            throw new UnknownHostException(host);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("resolving " + host + " took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketTimeoutException("interrupted while resolving " + host);
        }
    }
}
