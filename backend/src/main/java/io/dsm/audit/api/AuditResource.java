package io.dsm.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditFilter;
import io.dsm.audit.service.AuditQueries;
import io.dsm.common.security.Role;
import io.dsm.common.validation.QueryParameters;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Audit", description = "Who did what, when and from where (administrators only)")
public class AuditResource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    @Inject
    AuditQueries queries;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "List audit events, newest first")
    @APIResponse(responseCode = "200", description = "A page of events.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    public AuditPage list(
            @Parameter(description = "Username, ignoring case") @QueryParam("actor") String actor,
            @Parameter(schema = @Schema(implementation = AuditAction.class)) @QueryParam("action") String action,
            @Parameter(schema = @Schema(implementation = AuditOutcome.class)) @QueryParam("outcome") String outcome,
            @QueryParam("dataSourceId") String dataSourceId,
            @Parameter(description = "From this time on (inclusive)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_SIZE,
                    defaultValue = "" + DEFAULT_SIZE))
            @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        AuditFilter filter = new AuditFilter(parameters.text(actor),
                parameters.enumValue("action", action, AuditAction.class),
                parameters.enumValue("outcome", outcome, AuditOutcome.class),
                parameters.uuid("dataSourceId", dataSourceId),
                parameters.instant("from", from),
                parameters.instant("to", to),
                parameters.page(page),
                parameters.size(size, DEFAULT_SIZE, MAX_SIZE));
        parameters.check();
        return queries.list(filter);
    }
}
