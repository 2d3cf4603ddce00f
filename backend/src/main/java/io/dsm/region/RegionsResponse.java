package io.dsm.region;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Regions", description = "The regions a data source can be placed in.")
public record RegionsResponse(
        @Schema(description = "Configured region names, in configuration order. The console shows the region field only when there are several.",
                examples = "[\"cn-hangzhou\", \"cn-shanghai\"]")
        List<String> regions) {
}
