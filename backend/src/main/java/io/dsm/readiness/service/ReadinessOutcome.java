package io.dsm.readiness.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The readiness of one endpoint: its findings, most severe first, and the checks that passed; or
 * why readiness could not be inspected at all.
 */
public record ReadinessOutcome(List<Finding> findings, List<PassedCheck> passed, Optional<String> notInspected) {

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::check);

    public static ReadinessOutcome inspected(List<Finding> findings, List<PassedCheck> passed) {
        return new ReadinessOutcome(findings.stream().sorted(MOST_SEVERE_FIRST).toList(), List.copyOf(passed), Optional.empty());
    }

    public static ReadinessOutcome notInspected(String why) {
        return new ReadinessOutcome(List.of(), List.of(), Optional.of(why));
    }
}
