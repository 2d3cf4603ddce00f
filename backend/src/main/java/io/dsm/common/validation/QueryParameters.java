package io.dsm.common.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;

/**
 * The one parser of a list's query parameters (the data sources', the audit log's): each value is
 * read strictly, an invalid one becomes a violation naming it, never a guess, and {@link #check()}
 * answers every invalid parameter at once. Absent or blank filters are null: they filter nothing.
 */
public final class QueryParameters {

    private final List<Violation> violations = new ArrayList<>();

    /** Free text, trimmed. */
    public String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Free text, trimmed; at most {@code max} characters. */
    public String text(String name, String value, int max) {
        String trimmed = text(value);
        if (trimmed != null && trimmed.length() > max) {
            violations.add(Violation.of(name, "violation.max-characters", max));
        }
        return trimmed;
    }

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        return choice(name, value, v -> {
            try {
                return Optional.of(Enum.valueOf(type, v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }, Arrays.stream(type.getEnumConstants()).map((Function<E, String>) Enum::name).toList(), null);
    }

    /** Any of the enum's values, separated by commas (as in {@code readiness=BLOCKED,UNREACHABLE}); empty when absent. */
    public <E extends Enum<E>> Set<E> enumValues(String name, String value, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(",", -1)) {
            E one = enumValue(name, part.trim(), type);
            if (one != null) {
                values.add(one);
            } else if (part.isBlank()) {
                violations.add(Violation.of(name, "violation.query.empty-between-commas"));
            }
        }
        return values;
    }

    /** One of {@code allowed}, as {@code parse} reads it; {@code fallback} when absent. */
    public <T> T choice(String name, String value, Function<String, Optional<T>> parse, List<String> allowed, T fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            violations.add(Violation.of(name, "violation.one-of", String.join(", ", allowed)));
        }
        return parsed.orElse(fallback);
    }

    /** The page number, counting from 1 (the default). */
    public int page(String value) {
        return number("page", value, 1, 1, Integer.MAX_VALUE);
    }

    /** The page size, from 1 to {@code max}. */
    public int size(String value, int fallback, int max) {
        return number("size", value, fallback, 1, max);
    }

    public UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(name, Ids.NOT_A_UUID));
            return null;
        }
    }

    public Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(Violation.of(name, "violation.query.utc-time"));
            return null;
        }
    }

    /** @throws ProblemException (400) naming every invalid parameter, if there is one */
    public void check() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(max == Integer.MAX_VALUE
                ? Violation.of(name, "violation.query.number-at-least", min)
                : Violation.of(name, "violation.query.number-between", min, max));
        return fallback;
    }
}
