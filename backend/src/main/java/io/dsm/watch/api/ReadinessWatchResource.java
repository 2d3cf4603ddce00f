package io.dsm.watch.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.security.Role;
import io.dsm.common.validation.Ids;
import io.dsm.watch.service.ReadinessWatchService;

@Path("/datasources/{id}/readiness")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness watch", description = "Every data source re-checked in the background: its state, report and history")
@APIResponse(responseCode = "200", description = "The state, the latest report and the history.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceReadinessResponse.class)))
@APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
@APIResponse(responseCode = "503", ref = SharedAnswers.STORE_UNAVAILABLE)
public class ReadinessWatchResource {

    @Inject
    ReadinessWatchService service;

    @GET
    @Operation(operationId = "getDataSourceReadiness", summary = "What the readiness watch knows about a data source")
    public SourceReadinessResponse get(@PathParam("id") String id) {
        return service.get(Ids.parse("id", id));
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Operation(operationId = "recheckDataSourceReadiness", summary = "Re-check a data source now",
            description = "Runs the readiness check at once, stores it like a background check (history, state change, "
                    + "webhook) and answers with the result. At most one re-check per data source every "
                    + "DSM_WATCH_RECHECK_MIN_INTERVAL.")
    @APIResponse(responseCode = "409", description = "The data source is being checked right now; its result is stored in a moment.")
    @APIResponse(responseCode = "429", description = "Re-checked too recently, or too many tests are running; retry after "
            + "Retry-After seconds.", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public SourceReadinessResponse recheck(@PathParam("id") String id) {
        return service.recheck(Ids.parse("id", id));
    }
}
