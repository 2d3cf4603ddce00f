package io.dsm.provisioning.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.problem.Problem;
import io.dsm.common.security.Role;
import io.dsm.provisioning.service.Export;

@Path("/datasources/export")
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Provisioning")
public class ExportResource {

    static final String YAML = "application/yaml";

    private final Export export;

    public ExportResource(Export export) {
        this.export = export;
    }

    @GET
    @Produces({ YAML, Problem.MEDIA_TYPE })
    @Operation(operationId = "exportDataSources", summary = "Today's data sources as a provisioning file",
            description = "Every data source managed through the API (none a file declares) as a file for DSM_PROVISIONING_DIR. "
                    + "Passwords are never exported: a "
                    + "stored one becomes passwordRef: file:<identifier>.pw, to fill in under DSM_SECRETS_DIR.")
    @APIResponse(responseCode = "200", description = "The provisioning file (YAML).",
            content = @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)))
    public Response export() {
        return Response.ok(export.yaml(), YAML).header("Content-Disposition", "attachment; filename=\"datasources.yaml\"").build();
    }
}
