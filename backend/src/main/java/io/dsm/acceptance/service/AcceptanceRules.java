package io.dsm.acceptance.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.acceptance.api.AcceptanceInput;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;

/** What an acceptance may say: a check that can be accepted, its objects, a reason, and an expiry for what can block. */
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
    public record Accepted(ReadinessCheck check, List<String> objects, String reason, Instant expiresAt) {
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
        check.ifPresent(c -> expiryFits(c, input.expiresAt(), now, violations));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Accepted(check.orElseThrow(), objects, reason, input.expiresAt());
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

    private void expiryFits(ReadinessCheck check, Instant expiresAt, Instant now, List<Violation> violations) {
        Instant latest = now.plus(Duration.ofDays(maxDays));
        if (expiresAt == null) {
            if (check.worstSeverity() == FindingSeverity.BLOCKER) {
                violations.add(Violation.of("expiresAt", "violation.expires-at.required", check.id(), maxDays));
            }
        } else if (!expiresAt.isAfter(now)) {
            violations.add(Violation.of("expiresAt", "violation.expires-at.past"));
        } else if (expiresAt.isAfter(latest)) {
            violations.add(Violation.of("expiresAt", "violation.expires-at.too-far", maxDays, latest.toString()));
        }
    }
}
