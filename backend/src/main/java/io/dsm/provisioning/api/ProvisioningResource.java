package io.dsm.provisioning.api;

import java.sql.SQLException;

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
import io.dsm.common.i18n.RequestLanguage;
import io.dsm.provisioning.service.ProvisioningStatus;

@Path("/provisioning")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provisioning", description = "Data sources declared in files in DSM_PROVISIONING_DIR")
public class ProvisioningResource {

    @Inject
    ProvisioningStatus status;

    @Inject
    RequestLanguage language;

    @GET
    @Operation(operationId = "getProvisioning", summary = "The last apply of each provisioning file",
            description = "Applied, unchanged or failed, with each error's line and field. A failed file changed nothing.")
    @APIResponse(responseCode = "200", description = "Each file seen so far.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProvisioningResponse.class)))
    @APIResponse(responseCode = "503", ref = SharedAnswers.STORE_UNAVAILABLE)
    public ProvisioningResponse get() throws SQLException {
        return status.get(language.locale());
    }
}
