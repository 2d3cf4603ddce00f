package io.dsm.heartbeat;

import java.io.IOException;
import java.net.InetAddress;

import io.dsm.common.i18n.Text;
import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.connection.service.Hosts;

/** The address a heartbeat connection dials: resolved once and allowed by the address policy. */
final class TargetAddress {

    static final class Unusable extends Exception {
        final transient Text reason;
        final boolean unreachable;

        Unusable(Text reason, boolean unreachable) {
            super(null, null, false, false);
            this.reason = reason;
            this.unreachable = unreachable;
        }

        @Override
        public String getMessage() {
            return reason.english();
        }
    }

    private TargetAddress() {
    }

    static InetAddress resolve(ConnectionSpec spec, AddressPolicy policy) throws Unusable {
        if (spec.password().isEmpty()) {
            throw new Unusable(Text.of("heartbeat.failure.passwordUnusable", spec.passwordProblem()), false);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(Hosts.unbracketed(spec.host()));
        } catch (IOException e) {
            throw new Unusable(Text.of("heartbeat.failure.unknownHost", spec.host()), true);
        }
        for (InetAddress address : addresses) {
            if (policy.refusal(address, spec.port()).isEmpty()) {
                return address;
            }
        }
        Text reason = policy.refusal(addresses[0], spec.port()).map(refusal -> refusal.reason()).orElse(Text.verbatim(""));
        throw new Unusable(Text.of("heartbeat.failure.notAllowed", spec.host(), reason), false);
    }
}
