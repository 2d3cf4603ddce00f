package io.dsm.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dsm.config.StartupFailure;

class RegionsConfigurationTest {

    @Test
    void acceptsDistinctWellFormedNames() {
        assertThat(Regions.validate(List.of("cn-hangzhou", " eu_west.1 "))).containsExactly("cn-hangzhou", "eu_west.1");
    }

    @Test
    void stopsTheStartNamingEveryBadRegion() {
        assertThatThrownBy(() -> Regions.validate(List.of("ok", "has space", "ok")))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("DSM_REGIONS is invalid")
                .hasMessageContaining("'has space' is not a valid region name")
                .hasMessageContaining("'ok' is listed twice");
    }
}
