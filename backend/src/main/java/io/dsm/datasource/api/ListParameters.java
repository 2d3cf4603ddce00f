package io.dsm.datasource.api;

import java.util.Arrays;

import io.dsm.common.validation.QueryParameters;
import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.datasource.service.DataSourceFilter;
import io.dsm.datasource.service.DataSourceSort;

/** Turns the list's query parameters into a filter, rejecting every invalid one instead of guessing. */
final class ListParameters {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 200;

    private ListParameters() {
    }

    static DataSourceFilter parse(String q, String type, String attribute, String region, String readiness, String sort,
            String page, String size) {
        QueryParameters parameters = new QueryParameters();
        DataSourceFilter filter = new DataSourceFilter(
                parameters.text("q", q, MAX_QUERY),
                parameters.enumValue("type", type, DataSourceType.class),
                parameters.enumValue("attribute", attribute, DatabaseAttribute.class),
                region == null || region.isBlank() ? null : region,
                parameters.enumValues("readiness", readiness, SourceReadinessState.class),
                parameters.choice("sort", sort, DataSourceSort::fromParameter,
                        Arrays.stream(DataSourceSort.values()).map(DataSourceSort::parameter).toList(), DataSourceSort.CREATED_AT_DESC),
                parameters.page(page),
                parameters.size(size, DEFAULT_SIZE, MAX_SIZE));
        parameters.check();
        return filter;
    }
}
