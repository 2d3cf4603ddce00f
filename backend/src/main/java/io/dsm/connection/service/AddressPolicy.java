package io.dsm.connection.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.dsm.common.i18n.Text;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.embedded.EmbeddedStorePort;
import io.quarkus.runtime.Startup;

/**
 * Which addresses dsm may open connections to. The address checked is the address dialed: callers
 * resolve once, check, and connect to that same address. dsm's own embedded store is never one of
 * them, whatever DSM_CONNECT_ALLOW says: it holds dsm's own data.
 */
@Startup
@Singleton
public class AddressPolicy {

    /** Why an address may not be dialed, and what the person who asked can do about it. */
    public record Refusal(Text reason, Text remedy) {
    }

    private static final Text POLICY_REMEDY = Text.of("address.policy.remedy");
    private static final Text OWN_STORE_REMEDY = Text.of("address.own-store.remedy");

    private final List<Cidr> deny;
    private final Optional<List<Cidr>> allow;
    private final EmbeddedStorePort ownStore;

    @Inject
    public AddressPolicy(DsmConfig config, EmbeddedStorePort ownStore) {
        this(parse("DSM_CONNECT_DENY", config.connect().deny()),
                config.connect().allow().map(list -> parse("DSM_CONNECT_ALLOW", list)), ownStore);
    }

    /** @throws StartupFailure naming the variable and every malformed range */
    static AddressPolicy of(List<String> deny, Optional<List<String>> allow) {
        return new AddressPolicy(parse("DSM_CONNECT_DENY", deny), allow.map(list -> parse("DSM_CONNECT_ALLOW", list)),
                OptionalInt::empty);
    }

    AddressPolicy(List<Cidr> deny, Optional<List<Cidr>> allow, EmbeddedStorePort ownStore) {
        this.deny = deny;
        this.allow = allow;
        this.ownStore = ownStore;
    }

    /** The same ranges without the refusal of dsm's own store: only for tests dsm itself makes of it. */
    AddressPolicy reachingOwnStore() {
        return new AddressPolicy(deny, allow, OptionalInt::empty);
    }

    /** Why the address may not be dialed at this port, or empty when it may. */
    public Optional<Refusal> refusal(InetAddress address, int port) {
        InetAddress normalized = unmapped(address);
        OptionalInt storePort = ownStore.port();
        if (storePort.isPresent() && storePort.getAsInt() == port && isThisHost(normalized)) {
            return Optional.of(new Refusal(Text.of("address.own-store", normalized.getHostAddress(), port), OWN_STORE_REMEDY));
        }
        for (Cidr range : deny) {
            if (range.contains(normalized)) {
                return Optional.of(new Refusal(Text.of("address.denied", normalized.getHostAddress(), range.text()), POLICY_REMEDY));
            }
        }
        if (allow.isPresent() && allow.get().stream().noneMatch(range -> range.contains(normalized))) {
            return Optional.of(new Refusal(Text.of("address.not-allowed", normalized.getHostAddress()), POLICY_REMEDY));
        }
        return Optional.empty();
    }

    /**
     * Whether dialing the address reaches this host: a loopback address (all of 127.0.0.0/8, ::1),
     * the unspecified address (0.0.0.0 and :: connect to this host), or an address of one of its
     * interfaces. When the interfaces cannot be listed, the address counts as this host's.
     */
    static boolean isThisHost(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
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
