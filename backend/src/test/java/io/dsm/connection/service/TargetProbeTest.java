package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetProbeTest {

    @Test
    void showsTenthsOfAMillisecondBelowTen() {
        assertThat(TargetProbe.milliseconds(140_000).english()).isEqualTo("0.1 ms");
        assertThat(TargetProbe.milliseconds(9_940_000).english()).isEqualTo("9.9 ms");
    }

    @Test
    void saysUnderATenthRatherThanZero() {
        assertThat(TargetProbe.milliseconds(40_000).english()).isEqualTo("under 0.1 ms");
    }

    @Test
    void showsWholeMillisecondsFromTen() {
        assertThat(TargetProbe.milliseconds(9_960_000).english()).isEqualTo("10 ms");
        assertThat(TargetProbe.milliseconds(10_000_000).english()).isEqualTo("10 ms");
        assertThat(TargetProbe.milliseconds(250_600_000).english()).isEqualTo("251 ms");
    }
}
