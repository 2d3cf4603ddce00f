package io.dsm.datasource.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dsm.datasource.SourceReadinessState;
import io.dsm.datasource.ReadinessSummary;

/**
 * The readiness watch of each data source, as the registry shows and filters it. The datasource
 * domain owns this port and the watch domain implements it, in the caller's transaction.
 */
public interface ReadinessWatch {

    /** Watches a new data source, or one whose connection changed: its next check is due now. */
    void checkSoon(UUID dataSourceId);

    /** The summary of each data source; ids without one are UNKNOWN. */
    Map<UUID, ReadinessSummary> summaries(Collection<UUID> dataSourceIds);

    /** The ids of the data sources in any of these states. */
    Set<UUID> inStates(Set<SourceReadinessState> states);
}
