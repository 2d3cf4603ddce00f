package io.dsm.datasource.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataSourcePage", description = "One page of data sources.")
public record DataSourcePage(
        List<DataSourceResponse> items,
        @Schema(description = "The page number, counting from 1.", examples = "1")
        int page,
        @Schema(description = "The page size asked for.", examples = "20")
        int size,
        @Schema(description = "How many data sources match, on all pages.", examples = "57")
        long total) {
}
