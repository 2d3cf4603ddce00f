package io.dsm.readiness.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The readiness of one endpoint: its findings, most severe first, the checks that passed and the
 * slots of its database (read only where incremental sync is inspected); or why readiness could not
 * be inspected at all.
 */
public record ReadinessOutcome(List<Finding> findings, List<PassedCheck> passed, Optional<String> notInspected,
        List<SlotUsage> slots) {

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::check);

    public static ReadinessOutcome inspected(List<Finding> findings, List<PassedCheck> passed) {
        return new ReadinessOutcome(findings.stream().sorted(MOST_SEVERE_FIRST).toList(), List.copyOf(passed), Optional.empty(),
                List.of());
    }

    ReadinessOutcome withSlots(List<SlotUsage> slots) {
        return new ReadinessOutcome(findings, passed, notInspected, List.copyOf(slots));
    }

    public static ReadinessOutcome notInspected(String why) {
        return new ReadinessOutcome(List.of(), List.of(), Optional.of(why), List.of());
    }
}
