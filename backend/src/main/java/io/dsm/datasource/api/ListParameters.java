package io.dsm.datasource.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.service.DataSourceFilter;
import io.dsm.datasource.service.DataSourceSort;

/** Turns the list's query parameters into a filter, rejecting every invalid one instead of guessing. */
final class ListParameters {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 200;

    private ListParameters() {
    }

    static DataSourceFilter parse(String q, String type, String attribute, String region, String sort,
            String page, String size) {
        List<Violation> violations = new ArrayList<>();
        String query = q == null || q.isBlank() ? null : q.trim();
        if (query != null && query.length() > MAX_QUERY) {
            violations.add(new Violation("q", "must be at most " + MAX_QUERY + " characters"));
        }
        DataSourceType parsedType = enumValue("type", type, DataSourceType.class, violations);
        DatabaseAttribute parsedAttribute = enumValue("attribute", attribute, DatabaseAttribute.class, violations);
        DataSourceSort parsedSort = DataSourceSort.CREATED_AT_DESC;
        if (sort != null) {
            parsedSort = DataSourceSort.fromParameter(sort).orElse(null);
            if (parsedSort == null) {
                violations.add(new Violation("sort", "must be one of: " + Arrays.stream(DataSourceSort.values())
                        .map(DataSourceSort::parameter).collect(Collectors.joining(", "))));
            }
        }
        int parsedPage = number("page", page, 1, 1, Integer.MAX_VALUE, violations);
        int parsedSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String parsedRegion = region == null || region.isBlank() ? null : region;
        return new DataSourceFilter(query, parsedType, parsedAttribute, parsedRegion, parsedSort, parsedPage, parsedSize);
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, List<Violation> violations) {
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

    private static int number(String name, String value, int fallback, int min, int max, List<Violation> violations) {
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
}
