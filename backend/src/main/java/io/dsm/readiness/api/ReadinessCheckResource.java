package io.dsm.readiness.api;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.security.Role;
import io.dsm.readiness.ReadinessCheck;

@Path("/readiness/checks")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness", description = "What dsm checks to tell whether a source is ready for full migration and incremental sync")
public class ReadinessCheckResource {

    private static final List<ReadinessCheckDescription> CATALOGUE = Arrays.stream(ReadinessCheck.values())
            .map(ReadinessCheckDescription::of).toList();

    @GET
    @Operation(operationId = "listReadinessChecks", summary = "List the readiness checks",
            description = "The catalogue every connection test runs, in the order of the README's \"Migration readiness\" "
                    + "section: each check's stable id, the scopes it concerns, what it checks and how to fix what it finds.")
    @APIResponse(responseCode = "200", description = "Every readiness check.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReadinessCheckDescription.class)))
    @APIResponse(responseCode = "406", ref = SharedAnswers.NOT_ACCEPTABLE)
    public List<ReadinessCheckDescription> list() {
        return CATALOGUE;
    }
}
