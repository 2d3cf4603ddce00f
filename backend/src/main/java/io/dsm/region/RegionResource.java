package io.dsm.region;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.security.Role;

@Path("/regions")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Where data sources can be placed")
public class RegionResource {

    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "listRegions", summary = "List the configured regions")
    @APIResponse(responseCode = "200", description = "The configured regions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionsResponse.class)))
    @APIResponse(responseCode = "406", ref = SharedAnswers.NOT_ACCEPTABLE)
    public RegionsResponse list() {
        return new RegionsResponse(regions.names());
    }
}
