package io.dsm.user.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.problem.Problem;
import io.dsm.common.security.ActingUser;
import io.dsm.common.security.Role;
import io.dsm.common.validation.Ids;
import io.dsm.common.validation.RequestBodies;
import io.dsm.user.service.UserService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Users", description = "Who may sign in, with which role (administrators only)")
public class UserResource {

    @Inject
    UserService users;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "listUsers", summary = "List users, by username")
    @APIResponse(responseCode = "200", description = "Every user.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = UserResponse.class)))
    public List<UserResponse> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "The username is taken.")
    public Response create(UserInput input) {
        UserResponse created = users.create(RequestBodies.required(input, "body.user"));
        return Response.created(URI.create("/api/users/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUser", summary = "Get a user")
    @APIResponse(responseCode = "200", description = "The user.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", ref = SharedAnswers.USER_NOT_FOUND)
    public UserResponse get(@PathParam("id") String id) {
        return users.get(Ids.parse("id", id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUser", summary = "Change a user's role or password",
            description = "A new password ends the user's console sessions. The last administrator cannot be demoted.")
    @APIResponse(responseCode = "200", description = "Updated.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", ref = SharedAnswers.USER_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Stale version, or the last administrator.")
    public UserResponse update(@PathParam("id") String id,
            UserInput input) {
        return users.update(Ids.parse("id", id), RequestBodies.required(input, "body.user"));
    }

    @DELETE
    @Path("/{id}")
    // No body on success: a client that accepts only problem+json (for the errors) must not get 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "deleteUser", summary = "Delete a user", description = "You cannot delete yourself or the last administrator.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = SharedAnswers.USER_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Yourself, or the last administrator.")
    public Response delete(@PathParam("id") String id) {
        users.delete(Ids.parse("id", id), ActingUser.id(identity));
        return Response.noContent().build();
    }
}
