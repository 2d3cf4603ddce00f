package io.dsm.common.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dsm.common.problem.Violation;

/** Query parameters read strictly: an invalid one becomes a violation naming it, never a guess. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(name, "must be one of: " + Arrays.stream(type.getEnumConstants())
                    .map((Function<E, String>) Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    public static int number(String name, String value, int fallback, int min, int max, List<Violation> violations) {
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
        violations.add(new Violation(name, max == Integer.MAX_VALUE
                ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    public static UUID uuid(String name, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(name, "must be a UUID"));
            return null;
        }
    }

    public static Instant instant(String name, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be a UTC time such as 2026-11-24T08:00:00Z"));
            return null;
        }
    }
}
