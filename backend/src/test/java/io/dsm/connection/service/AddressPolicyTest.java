package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;

class AddressPolicyTest {

    private final AddressPolicy defaults = AddressPolicy.of(List.of(DsmConfig.Connect.DEFAULT_DENY.split(",")), Optional.empty());

    @Test
    void deniesCloudMetadataAndLinkLocalAddresses() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(defaults.refusal(InetAddress.getByName("fe80::1"))).isPresent();
    }

    @Test
    void deniesTheAddressesThatDialThisHostOrAnotherCloudsMetadataByDefault() throws Exception {
        for (String address : List.of("0.0.0.0", "0.1.2.3", "::", "fd00:ec2::254", "100.100.100.200", "168.63.129.16")) {
            assertThat(defaults.refusal(InetAddress.getByName(address))).as(address).get().asString().contains("DSM_CONNECT_DENY");
        }
    }

    @Test
    void allowsLoopbackAndPrivateRangesByDefaultSoLocalDatabasesStayTestable() throws Exception {
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "100.100.100.201", "fd00::1")) {
            assertThat(defaults.refusal(InetAddress.getByName(address))).as(address).isEmpty();
        }
    }

    @Test
    void deniesAnIpv4MappedIpv6FormOfADeniedAddress() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("::ffff:169.254.169.254"))).isPresent();
    }

    @Test
    void allowsOrdinaryAddresses() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("10.0.0.7"))).isEmpty();
        assertThat(defaults.refusal(InetAddress.getByName("2001:db8::1"))).isEmpty();
    }

    @Test
    void allowsOnlyTheAllowListWhenOneIsSetAndDenyStillWins() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of(Cidr.parse("10.0.9.0/24")), Optional.of(List.of(Cidr.parse("10.0.0.0/16"))));
        assertThat(policy.refusal(InetAddress.getByName("10.0.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.1.3.4"))).get().asString().contains("DSM_CONNECT_ALLOW");
        assertThat(policy.refusal(InetAddress.getByName("10.0.9.4"))).get().asString().contains("DSM_CONNECT_DENY");
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
