package io.dsm.readiness.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.dsm.common.i18n.Text;

/**
 * The readiness of one endpoint: its findings, most severe first, the checks that passed and the
 * slots of its database (read only where incremental sync is inspected); or why readiness could not
 * be inspected at all.
 */
public record ReadinessOutcome(List<Finding> findings, List<PassedCheck> passed, Optional<Text> notInspected,
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

    public static ReadinessOutcome notInspected(Text why) {
        return new ReadinessOutcome(List.of(), List.of(), Optional.of(why), List.of());
    }

    /** Not inspected: no session to inspect through. */
    public static ReadinessOutcome connectionFailed() {
        return notInspected(Text.of("readiness.notInspected.connectionFailed"));
    }

    /** Not inspected: the catalog queries ran out of the test's time. */
    public static ReadinessOutcome catalogTooLarge() {
        return notInspected(Text.of("readiness.notInspected.catalogTooLarge"));
    }

    /** Not inspected: the server refused the catalog queries, in its own (cleaned) words. */
    public static ReadinessOutcome catalogRefused(String serverMessage) {
        return notInspected(Text.of("readiness.notInspected.catalogRefused", serverMessage));
    }

    /** Not inspected: the catalog's answers could not be read, in the driver's (cleaned) words. */
    public static ReadinessOutcome answersUnreadable(String driverMessage) {
        return notInspected(Text.of("readiness.notInspected.answersUnreadable", driverMessage));
    }
}
