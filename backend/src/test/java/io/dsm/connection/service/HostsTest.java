package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void readsIpv4LiteralWithoutNameServer() {
        assertThat(Hosts.ipLiteral("10.1.2.3")).hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("10.1.2.3"));
    }

    @Test
    void readsBracketedIpv6Literal() {
        assertThat(Hosts.ipLiteral("[::1]")).hasValueSatisfying(a -> assertThat(a.isLoopbackAddress()).isTrue());
    }

    @Test
    void leavesNamesToTheResolver() {
        assertThat(Hosts.ipLiteral("db.example.com")).isEmpty();
    }

    @Test
    void leavesQuadsThatAreNotAddressesToTheResolver() {
        assertThat(Hosts.ipLiteral("256.1.1.1")).isEmpty();
        assertThat(Hosts.ipLiteral("010.1.1.1")).isEmpty();
        assertThat(Hosts.ipLiteral("1.2.3")).isEmpty();
    }
}
