package io.dsm.datasource.service;

import java.util.Set;

import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.SourceReadinessState;

/** A validated list request. Null filters, and an empty set of readiness states, match everything. */
public record DataSourceFilter(String q, DataSourceType type, DatabaseAttribute attribute, String region,
        Set<SourceReadinessState> readiness, DataSourceSort sort, int page, int size) {
}
