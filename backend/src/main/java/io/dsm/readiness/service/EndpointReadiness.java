package io.dsm.readiness.service;

import java.util.List;
import java.util.Set;

import io.dsm.readiness.ReadinessScope;

/**
 * One endpoint's part in the verdicts: the scopes it serves, what readiness found there, and the
 * connection checks that failed on it, each with the scopes its failure blocks.
 */
public record EndpointReadiness(Set<ReadinessScope> served, ReadinessOutcome outcome, List<FailedCheck> failedChecks) {

    /** A connection check that failed, such as AUTHENTICATION, and the scopes that cannot run until it passes. */
    public record FailedCheck(String name, Set<ReadinessScope> blocks) {
    }

    public EndpointReadiness {
        served = Set.copyOf(served);
        failedChecks = List.copyOf(failedChecks);
    }
}
