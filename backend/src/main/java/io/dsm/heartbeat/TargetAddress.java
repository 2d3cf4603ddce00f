package io.dsm.heartbeat;

import java.io.IOException;
import java.net.InetAddress;

import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.connection.service.Hosts;

/** The address a heartbeat connection dials: resolved once and allowed by the address policy. */
final class TargetAddress {

    static final class Unusable extends Exception {
        final boolean unreachable;

        Unusable(String message, boolean unreachable) {
            super(message, null, false, false);
            this.unreachable = unreachable;
        }
    }

    private TargetAddress() {
    }

    static InetAddress resolve(ConnectionSpec spec, AddressPolicy policy) throws Unusable {
        if (spec.password().isEmpty()) {
            throw new Unusable("the stored password cannot be used: " + spec.passwordProblem().english(), false);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(Hosts.unbracketed(spec.host()));
        } catch (IOException e) {
            throw new Unusable("the host name " + spec.host() + " cannot be resolved", true);
        }
        for (InetAddress address : addresses) {
            if (policy.refusal(address, spec.port()).isEmpty()) {
                return address;
            }
        }
        String reason = policy.refusal(addresses[0], spec.port()).map(refusal -> refusal.reason().english()).orElse("");
        throw new Unusable("connections to " + spec.host() + " are not allowed: " + reason, false);
    }
}
