package io.dsm.acceptance.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;

/**
 * An acceptance that has not expired, as the domains that evaluate readiness see it: values only, so
 * that they can decide which findings it covers without reading the store.
 */
public record LiveAcceptance(UUID id, ReadinessCheck check, Set<String> objects, String reason, String acceptedBy,
        Instant expiresAt, FindingSeverity severity) {

    public LiveAcceptance {
        objects = Set.copyOf(objects);
    }

    /**
     * Whether it covers a finding of {@code findingCheck} and {@code findingSeverity} that lists {@code shown} of
     * its {@code objectCount} objects. A finding more severe than the severity accepted is never covered: a
     * warning accepted does not hide the blocker the same check raises later. An acceptance that names no objects (allowed only for a check that names none) covers every
     * finding of its check. One that names objects covers a finding only when the finding names at least one
     * object and every object it names is named here: a new table without a key raises the finding again. A
     * finding lists at most 50 objects ({@code Finding.MAX_OBJECTS}) with their total: one whose total exceeds
     * what it lists cannot be proven covered by names, so it stays open.
     */
    public boolean covers(ReadinessCheck findingCheck, FindingSeverity findingSeverity, List<String> shown, long objectCount) {
        // FindingSeverity lists the most severe first.
        if (findingCheck != check || findingSeverity.compareTo(severity) < 0) {
            return false;
        }
        if (objects.isEmpty()) {
            return true;
        }
        return objectCount > 0 && objectCount == shown.size() && objects.containsAll(shown);
    }
}
