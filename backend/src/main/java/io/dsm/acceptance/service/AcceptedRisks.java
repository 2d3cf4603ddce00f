package io.dsm.acceptance.service;

import java.util.List;
import java.util.UUID;

/**
 * What the acceptance domain publishes for the domains that evaluate a saved source's readiness (its
 * connection test, the watch's checks): the acceptances in force now. They apply them; readiness itself
 * never knows about acceptances.
 */
public interface AcceptedRisks {

    /** The acceptances of the data source that have not expired, read in a short transaction of their own. */
    List<LiveAcceptance> liveFor(UUID dataSourceId);
}
