package io.dsm.acceptance.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.acceptance.AcceptanceInput;
import io.dsm.acceptance.service.Acceptances;
import io.dsm.api.SharedAnswers;
import io.dsm.common.problem.Problem;
import io.dsm.common.security.Role;
import io.dsm.common.validation.Ids;
import io.dsm.common.validation.RequestBodies;

@Path("/datasources/{id}/acceptances")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accepted risks", description = "Readiness findings a team decided to live with: who, why, for which objects, until when")
@APIResponse(responseCode = "503", ref = SharedAnswers.STORE_UNAVAILABLE)
public class AcceptanceResource {

    @Inject
    Acceptances acceptances;

    @GET
    @Operation(operationId = "listAcceptances", summary = "List a data source's accepted risks",
            description = "Every acceptance, newest first; expired ones are kept for the record and cover nothing.")
    @APIResponse(responseCode = "200", description = "The acceptances.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AcceptanceResponse.class)))
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    public List<AcceptanceResponse> list(@PathParam("id") String id) {
        return acceptances.list(Ids.parse("id", id));
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptRisk", summary = "Accept a readiness finding as a risk",
            description = "From the next test or check on, the findings it covers stay in the report, marked accepted, and no "
                    + "longer count in verdicts, the watch's state and its counts. Audited with the reason.")
    @APIResponse(responseCode = "201", description = "Accepted.",
            headers = @Header(name = "Location", description = "URL of the new acceptance.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcceptanceResponse.class)))
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    @APIResponse(responseCode = "409", ref = SharedAnswers.ACCEPTANCES_MANAGED_BY_FILE)
    public Response accept(@PathParam("id") String id,
            AcceptanceInput input, @Context UriInfo uriInfo) {
        AcceptanceResponse created = acceptances.accept(Ids.parse("id", id), RequestBodies.required(input, "body.acceptance"));
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build();
        return Response.created(location).entity(created).build();
    }

    @DELETE
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/{acceptanceId}")
    // Success has no body and errors are problem+json: see DataSourceResource.delete.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "revokeAcceptance", summary = "Revoke an accepted risk",
            description = "The findings it covered count again from the next test or check on; re-check the source to see "
                    + "them at once. Audited with the reason it had.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No data source has this id, or it has no such acceptance.")
    @APIResponse(responseCode = "409", ref = SharedAnswers.ACCEPTANCES_MANAGED_BY_FILE)
    public void revoke(@PathParam("id") String id,
            @PathParam("acceptanceId") String acceptanceId) {
        acceptances.revoke(Ids.parse("id", id), Ids.parse("acceptanceId", acceptanceId));
    }
}
