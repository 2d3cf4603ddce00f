package io.dsm.acceptance.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.acceptance.AcceptanceInput;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;

/**
 * What an acceptance may say, through the API or in a provisioning file: a check that can be accepted, its
 * objects, a reason, a severity the check can raise, and an expiry when that severity is a blocker.
 */
@ApplicationScoped
public class AcceptanceRules {

    /** How the watch's history and webhook name connection checks, such as connection.network. */
    private static final String CONNECTION_CHECK_PREFIX = "connection.";
    private static final String NEVER_FINE = "violation.check.connection";

    private final int maxDays;

    public AcceptanceRules(DsmConfig config) {
        this.maxDays = config.acceptance().maxDays();
        if (maxDays < 1) {
            throw new StartupFailure("DSM_ACCEPTANCE_MAX_DAYS must be at least 1; it is " + maxDays);
        }
    }

    /** An acceptance input that passed every rule. */
    public record Accepted(ReadinessCheck check, List<String> objects, String reason, Instant expiresAt, FindingSeverity severity) {
    }

    /** @throws ProblemException (400) naming each field that breaks a rule */
    public Accepted check(AcceptanceInput input, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Optional<ReadinessCheck> check = check(input.check(), violations);
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            violations.add(Violation.of("reason", "violation.reason.empty"));
        } else if (reason.length() > AcceptanceInput.MAX_REASON) {
            violations.add(Violation.of("reason", "violation.max-characters", AcceptanceInput.MAX_REASON));
        }
        List<String> objects = objects(input.objects(), violations);
        check.ifPresent(c -> objectsFit(c, objects, violations));
        Optional<FindingSeverity> severity = check.flatMap(c -> severity(c, input.severity(), violations));
        severity.ifPresent(s -> expiryFits(check.orElseThrow(), s, input.expiresAt(), now, violations));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        // The store keeps microseconds: what is compared with a stored acceptance must be what was stored.
        Instant expiresAt = input.expiresAt() == null ? null : input.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return new Accepted(check.orElseThrow(), objects, reason, expiresAt, severity.orElseThrow());
    }

    private static Optional<ReadinessCheck> check(String id, List<Violation> violations) {
        if (id == null || id.isBlank()) {
            violations.add(Violation.of("check", "violation.check.required"));
            return Optional.empty();
        }
        if (id.startsWith(CONNECTION_CHECK_PREFIX)) {
            violations.add(Violation.of("check", NEVER_FINE, id));
            return Optional.empty();
        }
        ReadinessCheck check;
        try {
            check = ReadinessCheck.byId(id);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of("check", "violation.check.unknown", id));
            return Optional.empty();
        }
        if (!check.acceptable()) {
            violations.add(Violation.of("check", NEVER_FINE, id));
            return Optional.empty();
        }
        return Optional.of(check);
    }

    /** The names as given (names are exact: none is trimmed), each once. */
    private static List<String> objects(List<String> given, List<Violation> violations) {
        Set<String> objects = new LinkedHashSet<>();
        List<String> names = given == null ? List.of() : given;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                violations.add(Violation.of("objects[" + i + "]", "violation.not-empty"));
            } else if (name.length() > AcceptanceInput.MAX_OBJECT_NAME) {
                violations.add(Violation.of("objects[" + i + "]", "violation.max-characters", AcceptanceInput.MAX_OBJECT_NAME));
            } else {
                objects.add(name);
            }
        }
        if (objects.size() > AcceptanceInput.MAX_OBJECTS) {
            violations.add(Violation.of("objects", "violation.objects.too-many", AcceptanceInput.MAX_OBJECTS));
        }
        return List.copyOf(objects);
    }

    private static void objectsFit(ReadinessCheck check, List<String> objects, List<Violation> violations) {
        if (!check.namesObjects() && !objects.isEmpty()) {
            violations.add(Violation.of("objects", "violation.objects.must-be-empty", check.id()));
        } else if (check.namesObjects() && objects.isEmpty()) {
            violations.add(Violation.of("objects", "violation.objects.required", check.id()));
        }
    }

    /** The severity given, or the worst the check can raise; empty when the check can never raise the one given. */
    private static Optional<FindingSeverity> severity(ReadinessCheck check, FindingSeverity given, List<Violation> violations) {
        FindingSeverity worst = check.worstSeverity();
        if (given == null) {
            return Optional.of(worst);
        }
        // FindingSeverity lists the most severe first.
        if (given.compareTo(worst) < 0) {
            violations.add(Violation.of("severity", "violation.severity.above-worst", given.name(), check.id(), worst.name()));
            return Optional.empty();
        }
        if (given == FindingSeverity.INFO && worst != FindingSeverity.INFO) {
            violations.add(Violation.of("severity", "violation.severity.info"));
            return Optional.empty();
        }
        return Optional.of(given);
    }

    private void expiryFits(ReadinessCheck check, FindingSeverity severity, Instant expiresAt, Instant now,
            List<Violation> violations) {
        Instant latest = now.plus(Duration.ofDays(maxDays));
        if (expiresAt == null) {
            if (severity == FindingSeverity.BLOCKER) {
                violations.add(Violation.of("expiresAt", "violation.expires-at.required", check.id(), maxDays));
            }
        } else if (!expiresAt.isAfter(now)) {
            violations.add(Violation.of("expiresAt", "violation.expires-at.past"));
        } else if (expiresAt.isAfter(latest)) {
            violations.add(Violation.of("expiresAt", "violation.expires-at.too-far", maxDays, latest.toString()));
        }
    }
}
