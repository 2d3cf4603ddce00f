package io.dsm.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameValidatorTest {

    private final HostNameValidator validator = new HostNameValidator();

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.1", "255.255.255.255", "::", "::1", "2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001",
            "::ffff:192.0.2.1", "[fe80::1]", "db", "db-1.example.com", "x_y.internal" })
    void acceptsAddressesAndNames(String host) {
        assertThat(validator.isValid(host, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "256.0.0.1", "1.2.3", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "1::2::3", "gggg::1", "host:5432",
            "-db", "db-", "a..b", ".db", "db.", "[::1", "::1]" })
    void rejectsMalformedAddressesAndNames(String host) {
        assertThat(validator.isValid(host, null)).isFalse();
    }
}
