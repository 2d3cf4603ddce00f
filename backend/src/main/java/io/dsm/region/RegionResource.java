package io.dsm.region;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Where data sources can be placed")
public class RegionResource {

    private final Regions regions;

    public RegionResource(Regions regions) {
        this.regions = regions;
    }

    @GET
    @Operation(operationId = "listRegions", summary = "List the configured regions")
    public RegionsResponse list() {
        return new RegionsResponse(regions.names());
    }
}
