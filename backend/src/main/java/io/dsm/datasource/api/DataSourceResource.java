package io.dsm.datasource.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import io.dsm.api.SharedAnswers;
import io.dsm.common.i18n.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.common.problem.OutcomeUnknown;
import io.dsm.common.problem.Problem;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.security.Role;
import io.dsm.common.validation.Ids;
import io.dsm.common.validation.RequestBodies;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.Rules;
import io.dsm.datasource.service.DataSourceService;
import io.dsm.datasource.service.Requester;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/datasources")
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data sources", description = "Register, find, change and remove data sources")
@APIResponse(responseCode = "503", ref = SharedAnswers.STORE_UNAVAILABLE)
public class DataSourceResource {

    @Inject
    DataSourceService service;
    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDataSource", summary = "Register a data source",
            description = "A passwordRef (on the data source or its standby) needs the ADMIN role.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = "Location", description = "URL of the new data source.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSourceResponse.class)))
    @APIResponse(responseCode = "403", ref = SharedAnswers.NOT_ALLOWED_OR_PASSWORD_REF)
    @APIResponse(responseCode = "409", description = "The identifier is already used (ignoring case).")
    @APIResponse(responseCode = "503", description = "dsm's own database is unreachable; retry later. If it was lost while the "
            + "data source was being saved, the problem's type is `urn:dsm:problem:outcome-unknown`: look the identifier up "
            + "before retrying (a retried create answers 409 if the first one was saved).",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    public Response create(DataSourceInput input, @Context UriInfo uriInfo) {
        DataSourceInput body = RequestBodies.required(input, "body.data-source");
        DataSourceResponse created = OutcomeUnknown.naming(Text.of("outcome.data-source", body.identifier()),
                "GET /api/datasources?q=" + body.identifier(), () -> service.create(body, Requester.of(identity)));
        URI location = uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(operationId = "listDataSources", summary = "Find data sources, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of matches.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSourcePage.class)))
    public DataSourcePage list(
            @Parameter(description = "Case-insensitive substring of identifier, host, database name, username or remarks.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ListParameters.MAX_QUERY)) @QueryParam("q") String q,
            @Parameter(description = "Only this type.", schema = @Schema(implementation = io.dsm.datasource.DataSourceType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Only this database attribute.", schema = @Schema(implementation = io.dsm.datasource.DatabaseAttribute.class))
            @QueryParam("attribute") String attribute,
            @Parameter(description = "Only this region.", schema = @Schema(type = SchemaType.STRING)) @QueryParam("region") String region,
            @Parameter(description = "Only data sources whose readiness watch last found one of these states, separated by "
                    + "commas (for example BLOCKED,UNREACHABLE).", schema = @Schema(type = SchemaType.STRING,
                            pattern = "^(READY|WARNINGS|BLOCKED|UNREACHABLE|UNKNOWN)(,(READY|WARNINGS|BLOCKED|UNREACHABLE|UNKNOWN))*$",
                            examples = "BLOCKED,UNREACHABLE"))
            @QueryParam("readiness") String readiness,
            @Parameter(description = "Order of the results.", schema = @Schema(type = SchemaType.STRING, enumeration = { "createdAt", "-createdAt",
                    "identifier", "-identifier" }, defaultValue = "-createdAt")) @QueryParam("sort") String sort,
            @Parameter(description = "Page number, counting from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + ListParameters.MAX_SIZE, defaultValue = "" + ListParameters.DEFAULT_SIZE))
            @QueryParam("size") String size) {
        return service.list(ListParameters.parse(q, type, attribute, region, readiness, sort, page, size));
    }

    @GET
    @Path("/identifier-availability")
    @Operation(operationId = "checkIdentifierAvailability", summary = "Whether an identifier is free",
            description = "For a form's live check; compares ignoring case, like the uniqueness rule.")
    @APIResponse(responseCode = "200", description = "The answer.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdentifierAvailability.class)))
    @APIResponse(responseCode = "400", description = "The identifier is missing or malformed.")
    public IdentifierAvailability identifierAvailability(
            @Parameter(description = "The identifier to check.", required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = Rules.IDENTIFIER)) @QueryParam("identifier") String identifier,
            @Parameter(description = "A data source to leave out, for example the one being edited.") @QueryParam("excludeId") String excludeId) {
        if (identifier == null || !identifier.matches(Rules.IDENTIFIER)) {
            throw ProblemException.invalid("identifier", identifier == null ? "constraint.required" : "constraint.identifier");
        }
        UUID except = excludeId == null || excludeId.isBlank() ? null : Ids.parse("excludeId", excludeId);
        return new IdentifierAvailability(service.identifierAvailable(identifier, except));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDataSource", summary = "Read one data source")
    @APIResponse(responseCode = "200", description = "The data source.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSourceResponse.class)))
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    public DataSourceResponse get(@PathParam("id") String id) {
        return service.get(Ids.parse("id", id));
    }

    @PUT
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDataSource", summary = "Replace a data source",
            description = "Send the whole data source with the `version` you read. An absent or null password keeps the stored one, "
                    + "which is used only with the host, port, username and TLS settings it was saved with: a change of any of "
                    + "these without the password answers 400 naming `password` (or `standby.password`). A passwordRef other "
                    + "than the stored one for an unchanged endpoint needs the ADMIN role.")
    @APIResponse(responseCode = "200", description = "The new state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSourceResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a moved endpoint without its password; `violations` "
            + "names each one.")
    @APIResponse(responseCode = "403", ref = SharedAnswers.NOT_ALLOWED_OR_PASSWORD_REF)
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The version is out of date, or the identifier is used by another data source.")
    public DataSourceResponse update(@PathParam("id") String id,
            DataSourceInput input) {
        UUID parsed = Ids.parse("id", id);
        return service.update(parsed, RequestBodies.required(input, "body.data-source"), Requester.of(identity));
    }

    @DELETE
    @RolesAllowed(Role.OPERATOR_NAME)
    @Path("/{id}")
    // Success has no body and errors are problem+json, so generated clients send Accept: application/problem+json
    // alone; with only the class's application/json this method would answer them 406.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "deleteDataSource", summary = "Remove a data source",
            description = "Removes the registration only; the database itself is not touched.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "409", description = "The heartbeat table could not be dropped; nothing was deleted.")
    @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)
    public void delete(@PathParam("id") String id,
            @Parameter(description = "Also drop the heartbeat table (oms_postgres_heartbeat) from the database. If the drop "
                    + "fails, nothing is deleted and the answer is 409 with the reason.")
            @QueryParam("dropHeartbeatTable") @DefaultValue("false") boolean dropHeartbeatTable) {
        service.delete(Ids.parse("id", id), dropHeartbeatTable);
    }
}
