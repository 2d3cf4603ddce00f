package io.dsm.datasource.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.security.Role;
import io.dsm.datasource.service.SecretRotation;

@Path("/admin/secret-key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Secret key", description = "Rotate the key that encrypts stored passwords (administrators only)")
public class SecretKeyResource {

    @Inject
    SecretRotation rotation;

    @GET
    @Operation(operationId = "getSecretKeyStatus", summary = "How many stored passwords are not yet under DSM_SECRET_KEY")
    @APIResponse(responseCode = "200", description = "The current key's fingerprint and what remains under other keys.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyRotationStatus.class)))
    public KeyRotationStatus status() {
        return rotation.status();
    }

    @POST
    @Path("/rotation")
    @Operation(operationId = "rotateSecretKey", summary = "Re-encrypt every stored password under DSM_SECRET_KEY",
            description = "Start every instance with the new DSM_SECRET_KEY and the old key in DSM_SECRET_KEY_PREVIOUS, then "
                    + "call this once. dsm keeps serving meanwhile. Safe to repeat.")
    @APIResponse(responseCode = "200", description = "Done; `remaining` should be 0.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyRotationStatus.class)))
    public KeyRotationStatus rotate() {
        return rotation.rotate();
    }
}
