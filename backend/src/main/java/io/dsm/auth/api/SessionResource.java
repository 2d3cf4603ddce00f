package io.dsm.auth.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dsm.api.SharedAnswers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.auth.Identities;
import io.dsm.auth.service.SessionService;
import io.dsm.common.problem.Problem;
import io.dsm.common.validation.RequestBodies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Sign in to the console, see who is signed in, change your password, sign out")
public class SessionResource {

    /** GET's answer when nobody is signed in: only this field, which the SessionResponse schema allows. */
    record NotSignedIn(boolean signedIn) {
    }

    @Inject
    SessionService sessions;
    @Inject
    SecurityIdentity identity;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in to the console",
            description = "Starts a session: sets the HttpOnly, SameSite=Strict cookie dsm_session and answers the "
                    + "anti-forgery token to send as X-CSRF-Token with every change. API clients use HTTP Basic instead.")
    @APIResponse(responseCode = "200", description = "Signed in.", headers = @Header(name = "Set-Cookie",
            description = "dsm_session=<token>; Path=/; HttpOnly; SameSite=Strict (and Secure over HTTPS)",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password.")
    @APIResponse(responseCode = "400", description = "Username or password missing.")
    @APIResponse(responseCode = "429", ref = SharedAnswers.TOO_MANY_SIGN_INS)
    public Response signIn(SignInInput input, @Context RoutingContext context) {
        SessionService.SignedIn signedIn = sessions.signIn(RequestBodies.required(input, "body.sign-in"), context);
        return Response.ok(signedIn.session()).header("Set-Cookie", signedIn.cookie()).build();
    }

    @GET
    @PermitAll
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "getSession", summary = "Who is signed in",
            description = "Answers 200 whether or not someone is signed in, so that asking is never an error: `signedIn` "
                    + "says which. Without credentials, or with a console session that has ended (whose cookie the answer "
                    + "clears), the answer is `{\"signedIn\": false}`.")
    @APIResponse(responseCode = "200", description = "The signed-in user and their role, or `signedIn: false`.",
            headers = @Header(name = "Set-Cookie", description = "Clears dsm_session when the session it names has ended.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong HTTP Basic credentials (API clients rely on this answer).")
    @APIResponse(responseCode = "429", ref = SharedAnswers.TOO_MANY_SIGN_INS)
    public Response current(@Context RoutingContext context) {
        try {
            if (identity.isAnonymous()) {
                return Response.ok(new NotSignedIn(false)).build();
            }
            return Response.ok(sessions.current(identity)).build();
        } catch (AuthenticationFailedException refused) {
            if (sentBasicCredentials(context)) {
                throw refused;
            }
            return Response.ok(new NotSignedIn(false)).header("Set-Cookie", sessions.clearedCookie(context)).build();
        }
    }

    @DELETE
    @Authenticated
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "signOut", summary = "Sign out of the console", description = "Ends the session and clears its cookie.")
    @APIResponse(responseCode = "204", description = "Signed out.")
    public Response signOut(@Context RoutingContext context) {
        return Response.noContent().header("Set-Cookie", sessions.signOut(identity, context)).build();
    }

    @PUT
    @Path("/password")
    @Authenticated
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOwnPassword", summary = "Change your own password",
            description = "Your other console sessions end; this one stays.")
    @APIResponse(responseCode = "204", description = "Changed.")
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one breaks a rule.")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins or wrong current passwords for this user or "
            + "from this address; the current password was not checked.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Integer.class)))
    public Response changePassword(PasswordChangeInput input) {
        sessions.changePassword(identity, Identities.userId(identity), RequestBodies.required(input, "body.password-change"));
        return Response.noContent().build();
    }

    private static boolean sentBasicCredentials(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
