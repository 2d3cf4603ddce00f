package io.dsm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.dsm.common.problem.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Finishes the document for generated clients:
 * <ul>
 * <li>derives ConnectionTestInput from DataSourceInput: the same fields, with the identifier and
 * password optional (a form is tested before it is filled; a saved data source is tested with its
 * stored password). Deriving it keeps the two from drifting apart;</li>
 * <li>marks every field of a response schema required, since every one is always sent (null when
 * empty), so generated types need no fallbacks. Problem's violations are sent only for bad input,
 * and a session's fields only when someone is signed in;</li>
 * <li>declares the answers every operation shares once, here, instead of on every resource: each
 * error answer's problem+json body; the 400 of an operation that takes input (a body, a path or
 * query parameter) and the 415 of one that takes a body, where the resource does not describe
 * them itself; and the descriptions of the answers Quarkus adds (401, 403, and 400 to a POST or PUT).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DsmOpenApiFilter implements OASFilter {

    private static final String INVALID_INPUT = "Invalid input; `violations` names each field.";
    private static final String NOT_JSON = "The body is not application/json.";
    /** The descriptions Quarkus gives the answers it adds (401, 403, and 400 to a POST or PUT), and what dsm's mean. */
    private static final Map<String, String> GENERIC_ANSWERS = Map.of(
            "Bad Request", INVALID_INPUT,
            "Not Authorized", "Not signed in: send HTTP Basic credentials, or sign in to the console.",
            "Not Allowed", "Signed in, but the role does not allow this (or a console change without X-CSRF-Token).");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        describeSharedAnswers(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema input = schemas.get("DataSourceInput");
        if (input == null) {
            return;
        }
        List<String> required = new ArrayList<>(input.getRequired() == null ? List.of() : input.getRequired());
        required.remove("identifier");
        Schema test = OASFactory.createSchema()
                .type(input.getType())
                .description("A data source to test: the fields of DataSourceInput; the identifier may be absent. "
                        + "The password is required to test an unsaved data source; for a saved one, absent means the stored one, "
                        + "which is used only with the host, port, username and TLS settings it was saved with.")
                .properties(input.getProperties())
                .required(required);
        openAPI.getComponents().addSchema("ConnectionTestInput", test);
        RESPONSES.forEach((name, optional) -> {
            Schema response = schemas.get(name);
            if (response != null && response.getProperties() != null) {
                response.setRequired(response.getProperties().keySet().stream().filter(p -> !optional.contains(p)).toList());
            }
        });
    }

    private static void describeSharedAnswers(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            APIResponses responses = operation.getResponses();
            boolean hasBody = operation.getRequestBody() != null;
            boolean hasParameters = hasAny(item.getParameters()) || hasAny(operation.getParameters());
            if ((hasBody || hasParameters) && !responses.hasAPIResponse("400")) {
                responses.addAPIResponse("400", OASFactory.createAPIResponse().description(INVALID_INPUT));
            }
            if (hasBody && !responses.hasAPIResponse("415")) {
                responses.addAPIResponse("415", OASFactory.createAPIResponse().description(NOT_JSON));
            }
            responses.getAPIResponses().forEach((status, response) -> {
                if (GENERIC_ANSWERS.containsKey(response.getDescription())) {
                    response.description(GENERIC_ANSWERS.get(response.getDescription()));
                }
                if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                    response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
                }
            });
        }));
    }

    private static boolean hasAny(List<?> list) {
        return list != null && !list.isEmpty();
    }

    /** Response schemas, with the fields that may be left out of them. */
    private static final Map<String, List<String>> RESPONSES = Map.ofEntries(
            Map.entry("DataSource", List.of()), Map.entry("Standby", List.of()),
            Map.entry("HeartbeatStatus", List.of()), Map.entry("DataSourcePage", List.of()),
            Map.entry("ConnectionTestResult", List.of()), Map.entry("Check", List.of()), Map.entry("Regions", List.of()),
            Map.entry("IdentifierAvailability", List.of()), Map.entry("Violation", List.of()),
            Map.entry("Problem", List.of("violations")), Map.entry("UserResponse", List.of()),
            Map.entry("SessionResponse", List.of("username", "role", "csrfToken", "expiresAt")),
            Map.entry("AuditEventResponse", List.of()), Map.entry("AuditPage", List.of()),
            Map.entry("Change", List.of()), Map.entry("KeyRotationStatus", List.of()),
            Map.entry("ReadinessReport", List.of()), Map.entry("ReadinessVerdict", List.of()),
            Map.entry("ReadinessFinding", List.of()), Map.entry("AffectedObject", List.of()),
            Map.entry("PassedReadinessCheck", List.of()), Map.entry("ReadinessCheckDescription", List.of()),
            Map.entry("FindingAcceptance", List.of()), Map.entry("AcceptanceResponse", List.of()));
}
