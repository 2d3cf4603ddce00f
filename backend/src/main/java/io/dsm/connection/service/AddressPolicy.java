package io.dsm.connection.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.quarkus.runtime.Startup;

/**
 * Which addresses dsm may open connections to. The address checked is the address dialed: callers
 * resolve once, check, and connect to that same address.
 */
@Startup
@Singleton
public class AddressPolicy {

    private final List<Cidr> deny;
    private final Optional<List<Cidr>> allow;

    @Inject
    public AddressPolicy(DsmConfig config) {
        this(parse("DSM_CONNECT_DENY", config.connect().deny()),
                config.connect().allow().map(list -> parse("DSM_CONNECT_ALLOW", list)));
    }

    /** @throws StartupFailure naming the variable and every malformed range */
    static AddressPolicy of(List<String> deny, Optional<List<String>> allow) {
        return new AddressPolicy(parse("DSM_CONNECT_DENY", deny), allow.map(list -> parse("DSM_CONNECT_ALLOW", list)));
    }

    AddressPolicy(List<Cidr> deny, Optional<List<Cidr>> allow) {
        this.deny = deny;
        this.allow = allow;
    }

    /** Why the address may not be dialed, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress normalized = unmapped(address);
        for (Cidr range : deny) {
            if (range.contains(normalized)) {
                return Optional.of(normalized.getHostAddress() + " is in " + range.text() + ", which DSM_CONNECT_DENY excludes");
            }
        }
        if (allow.isPresent() && allow.get().stream().noneMatch(range -> range.contains(normalized))) {
            return Optional.of(normalized.getHostAddress() + " is outside the ranges DSM_CONNECT_ALLOW permits");
        }
        return Optional.empty();
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is checked as the IPv4 address it reaches. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            boolean mapped = bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return address;
    }

    private static List<Cidr> parse(String variable, List<String> values) {
        List<Cidr> ranges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            try {
                ranges.add(Cidr.parse(value));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure(variable + " is invalid: " + String.join("; ", problems)
                    + ". Example: " + variable + "=169.254.0.0/16,fe80::/10");
        }
        return List.copyOf(ranges);
    }
}
