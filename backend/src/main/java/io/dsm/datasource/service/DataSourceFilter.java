package io.dsm.datasource.service;

import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DatabaseAttribute;

/** A validated list request. Null filters match everything. */
public record DataSourceFilter(String q, DataSourceType type, DatabaseAttribute attribute, String region,
        DataSourceSort sort, int page, int size) {
}
