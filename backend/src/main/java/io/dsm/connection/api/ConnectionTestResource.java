package io.dsm.connection.api;

import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.security.Role;
import io.dsm.common.validation.Ids;
import io.dsm.common.validation.RequestBodies;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.service.ConnectionTestService;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.Requester;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/datasources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OPERATOR_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connection tests", description = "Check that dsm can reach a data source and that it has what a migration needs")
@APIResponse(responseCode = "200", description = "The test ran; `success` says whether every check passed.",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionTestResult.class)))
@APIResponse(responseCode = "429", ref = SharedAnswers.TOO_MANY_TESTS)
@APIResponse(responseCode = "503", ref = SharedAnswers.STORE_UNAVAILABLE)
public class ConnectionTestResource {

    private final ConnectionTestService service;
    private final SecurityIdentity identity;
    public ConnectionTestResource(ConnectionTestService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/test-connection")
    @Operation(operationId = "testConnection", summary = "Test a data source before saving it",
            description = "Runs the checks against the data source in the body (the identifier may be absent). Nothing is stored. "
                    + "A test that ran answers 200 whether the database passed or not. A passwordRef needs the ADMIN role.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ConnectionTestInput")))
    @APIResponse(responseCode = "403", ref = SharedAnswers.NOT_ALLOWED_OR_PASSWORD_REF)
    public ConnectionTestResult test(DataSourceInput input) {
        return service.testUnsaved(RequestBodies.required(input, "body.data-source-test"), Requester.of(identity));
    }

    @POST
    @Path("/{id}/test-connection")
    @Operation(operationId = "testStoredConnection", summary = "Test a saved data source",
            description = "Without a body, tests the data source as stored. With a body (the edit form's fields), tests those "
                    + "instead; an absent password means the stored one, which is used only with the host, port, username and "
                    + "TLS settings it was saved with. An edit of any of these without the password answers 400 naming "
                    + "`password` (or `standby.password`), and nothing is dialed. A passwordRef other than the stored one for an "
                    + "unchanged endpoint needs the ADMIN role.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ConnectionTestInput")))
    @APIResponse(responseCode = "400", description = "Invalid edited fields, or a moved endpoint without its password; "
            + "`violations` names each one.")
    @APIResponse(responseCode = "403", ref = SharedAnswers.NOT_ALLOWED_OR_PASSWORD_REF)
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    public ConnectionTestResult testStored(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            DataSourceInput edited) {
        return service.testStored(Ids.parse("id", id), Optional.ofNullable(edited), Requester.of(identity));
    }
}
