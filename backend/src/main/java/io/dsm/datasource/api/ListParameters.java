package io.dsm.datasource.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.validation.QueryParameters;
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
        DataSourceType parsedType = QueryParameters.enumValue("type", type, DataSourceType.class, violations);
        DatabaseAttribute parsedAttribute = QueryParameters.enumValue("attribute", attribute, DatabaseAttribute.class, violations);
        DataSourceSort parsedSort = DataSourceSort.CREATED_AT_DESC;
        if (sort != null) {
            parsedSort = DataSourceSort.fromParameter(sort).orElse(null);
            if (parsedSort == null) {
                violations.add(new Violation("sort", "must be one of: " + Arrays.stream(DataSourceSort.values())
                        .map(DataSourceSort::parameter).collect(Collectors.joining(", "))));
            }
        }
        int parsedPage = QueryParameters.number("page", page, 1, 1, Integer.MAX_VALUE, violations);
        int parsedSize = QueryParameters.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String parsedRegion = region == null || region.isBlank() ? null : region;
        return new DataSourceFilter(query, parsedType, parsedAttribute, parsedRegion, parsedSort, parsedPage, parsedSize);
    }
}
