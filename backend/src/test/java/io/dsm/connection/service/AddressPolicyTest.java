package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.embedded.EmbeddedStorePort;

class AddressPolicyTest {

    private static final int PORT = 5432;
    private static final int STORE_PORT = 54321;
    private static final EmbeddedStorePort EXTERNAL_STORE = OptionalInt::empty;
    private static final EmbeddedStorePort EMBEDDED_STORE = () -> OptionalInt.of(STORE_PORT);

    private final AddressPolicy defaults = AddressPolicy.of(List.of(DsmConfig.Connect.DEFAULT_DENY.split(",")), Optional.empty());
    /** An operator who lets tests reach only this host, and runs the embedded store. */
    private final AddressPolicy loopbackAllowed = new AddressPolicy(List.of(),
            Optional.of(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"))), EMBEDDED_STORE);

    @Test
    void deniesCloudMetadataAndLinkLocalAddresses() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("169.254.169.254"), PORT)).isPresent();
        assertThat(defaults.refusal(InetAddress.getByName("fe80::1"), PORT)).isPresent();
    }

    @Test
    void deniesTheAddressesThatDialThisHostOrAnotherCloudsMetadataByDefault() throws Exception {
        for (String address : List.of("0.0.0.0", "0.1.2.3", "::", "fd00:ec2::254", "100.100.100.200", "168.63.129.16")) {
            assertThat(defaults.refusal(InetAddress.getByName(address), PORT)).as(address).map(AddressPolicy.Refusal::reason).get().asString().contains("DSM_CONNECT_DENY");
        }
    }

    @Test
    void allowsLoopbackAndPrivateRangesByDefaultSoLocalDatabasesStayTestable() throws Exception {
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "100.100.100.201", "fd00::1")) {
            assertThat(defaults.refusal(InetAddress.getByName(address), PORT)).as(address).isEmpty();
        }
    }

    @Test
    void deniesAnIpv4MappedIpv6FormOfADeniedAddress() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("::ffff:169.254.169.254"), PORT)).isPresent();
    }

    @Test
    void allowsOrdinaryAddresses() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("10.0.0.7"), PORT)).isEmpty();
        assertThat(defaults.refusal(InetAddress.getByName("2001:db8::1"), PORT)).isEmpty();
    }

    @Test
    void allowsOnlyTheAllowListWhenOneIsSetAndDenyStillWins() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of(Cidr.parse("10.0.9.0/24")), Optional.of(List.of(Cidr.parse("10.0.0.0/16"))),
                EXTERNAL_STORE);
        assertThat(policy.refusal(InetAddress.getByName("10.0.3.4"), PORT)).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.1.3.4"), PORT)).map(AddressPolicy.Refusal::reason).get().asString().contains("DSM_CONNECT_ALLOW");
        assertThat(policy.refusal(InetAddress.getByName("10.0.9.4"), PORT)).map(AddressPolicy.Refusal::reason).get().asString().contains("DSM_CONNECT_DENY");
    }

    @Test
    void refusesTheEmbeddedStoresPortOnLoopbackWhateverTheAllowListSays() throws Exception {
        for (String address : List.of("127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1", "0.0.0.0", "::")) {
            assertThat(loopbackAllowed.refusal(InetAddress.getByName(address), STORE_PORT)).as(address)
                    .hasValueSatisfying(refusal -> {
                        assertThat(refusal.reason().english()).contains("dsm's own embedded store").contains("whatever DSM_CONNECT_ALLOW says");
                        assertThat(refusal.remedy().english()).doesNotContain("allow this address");
                    });
        }
    }

    @Test
    void refusesTheEmbeddedStoresPortOnEveryAddressOfThisHostsInterfaces() throws Exception {
        List<InetAddress> own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses).toList();
        assertThat(own).isNotEmpty();
        AddressPolicy anything = new AddressPolicy(List.of(), Optional.empty(), EMBEDDED_STORE);
        for (InetAddress address : own) {
            assertThat(anything.refusal(address, STORE_PORT)).as(address.toString()).isPresent();
        }
    }

    @Test
    void allowsOtherPortsOfThisHostAndTheSamePortElsewhere() throws Exception {
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("127.0.0.1"), PORT)).isEmpty();
        AddressPolicy anything = new AddressPolicy(List.of(), Optional.empty(), EMBEDDED_STORE);
        assertThat(anything.refusal(InetAddress.getByName("192.0.2.10"), STORE_PORT)).isEmpty();
    }

    @Test
    void allowsThePortOfAnExternalStoreWhoseServerHoldsOtherDatabases() throws Exception {
        AddressPolicy external = new AddressPolicy(List.of(), Optional.empty(), EXTERNAL_STORE);
        assertThat(external.refusal(InetAddress.getByName("127.0.0.1"), STORE_PORT)).isEmpty();
    }

    @Test
    void matchesPrefixesThatEndInsideAByte() throws Exception {
        Cidr range = Cidr.parse("192.168.0.0/20");
        assertThat(range.contains(InetAddress.getByName("192.168.15.255"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("192.168.16.0"))).isFalse();
    }

    @Test
    void rejectsAHostNameInsteadOfAnAddressRange() {
        assertThatThrownBy(() -> Cidr.parse("metadata.google.internal")).hasMessageContaining("not an address range");
    }

    @Test
    void stopsTheStartForAMalformedRange() {
        assertThatThrownBy(() -> AddressPolicy.of(List.of("10.0.0.0/33"), Optional.empty()))
                .isInstanceOf(StartupFailure.class).hasMessageContaining("DSM_CONNECT_DENY is invalid");
    }
}
