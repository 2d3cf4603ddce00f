package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dsm.datasource.DatabaseAttribute;

class GreenplumUtilityModeTest {

    private static final String SEGMENT_REFUSAL = "FATAL: connections to primary segments are not allowed. "
            + "HINT: This database instance is running as a primary segment in a Greenplum cluster and does not permit "
            + "direct connections. To force a connection anyway (at your own risk), use utility mode.";

    @Test
    void retriesAChildNodeInGreenplum6UtilityModeWhenTheSegmentRefuses() {
        assertThat(GreenplumUtilityMode.retryAfter(DatabaseAttribute.CHILD_NODE, Optional.empty(), SEGMENT_REFUSAL))
                .contains("-c gp_session_role=utility");
    }

    @Test
    void retriesInGreenplum7UtilityModeWhenTheServerDoesNotKnowGreenplum6sSetting() {
        assertThat(GreenplumUtilityMode.retryAfter(DatabaseAttribute.CHILD_NODE, Optional.of(GreenplumUtilityMode.GREENPLUM_6),
                "FATAL: unrecognized configuration parameter \"gp_session_role\"")).contains("-c gp_role=utility");
    }

    @Test
    void givesUpAfterBothUtilityModes() {
        assertThat(GreenplumUtilityMode.retryAfter(DatabaseAttribute.CHILD_NODE, Optional.of(GreenplumUtilityMode.GREENPLUM_7),
                "FATAL: unrecognized configuration parameter \"gp_role\"")).isEmpty();
    }

    @Test
    void neverUsesUtilityModeForOtherAttributes() {
        for (DatabaseAttribute attribute : new DatabaseAttribute[] { DatabaseAttribute.PRIMARY, DatabaseAttribute.STANDBY,
                DatabaseAttribute.PRIMARY_STANDBY }) {
            assertThat(GreenplumUtilityMode.retryAfter(attribute, Optional.empty(), SEGMENT_REFUSAL)).isEmpty();
        }
    }

    @Test
    void doesNotRetryAChildNodeForUnrelatedFailures() {
        assertThat(GreenplumUtilityMode.retryAfter(DatabaseAttribute.CHILD_NODE, Optional.empty(),
                "FATAL: password authentication failed for user \"migrator\"")).isEmpty();
    }

    @Test
    void namesTheModeInTheNetworkCheck() {
        assertThat(GreenplumUtilityMode.describe(GreenplumUtilityMode.GREENPLUM_7).english())
                .isEqualTo("Greenplum utility mode (gp_role=utility), as a segment node requires");
    }
}
