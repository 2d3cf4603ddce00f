package io.dsm.connection.service;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;

/**
 * The address a test dials: an IP literal as it is, a name resolved within the test's budget (a
 * slow DNS server must not hold the test past it), preferring the first address the policy allows.
 */
final class AddressLookup {

    /** The name could not be resolved in time, or at all. */
    static final class Unresolved extends Exception {
        final Failure failure;

        Unresolved(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private AddressLookup() {
    }

    static InetAddress resolve(ConnectionSpec spec, AddressPolicy policy, TestBudget budget, ExecutorService workers)
            throws Unresolved {
        Optional<InetAddress> literal = Hosts.ipLiteral(spec.host());
        if (literal.isPresent()) {
            return literal.get();
        }
        Future<InetAddress[]> lookup = workers.submit(() -> InetAddress.getAllByName(Hosts.unbracketed(spec.host())));
        try {
            InetAddress[] addresses = lookup.get(Math.max(1, budget.remainingMillis()), TimeUnit.MILLISECONDS);
            for (InetAddress candidate : addresses) {
                if (policy.refusal(candidate, spec.port()).isEmpty()) {
                    return candidate;
                }
            }
            return addresses[0];
        } catch (ExecutionException e) {
            throw new Unresolved(ConnectFailures.unknownHost(spec));
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new Unresolved(Failure.of(CheckName.NETWORK, Text.of("check.network.dns-timeout", spec.host(), budget.totalMillis()),
                    Text.of("check.network.dns-timeout.hint")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unresolved(Failure.of(CheckName.NETWORK, Text.of("check.interrupted"), null));
        }
    }
}
