package io.dsm.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.dsm.common.problem.Problem;

/**
 * The answers several operations give, declared once in the document's {@code components.responses}. An
 * operation names each one it can give, so the document still says exactly which problems each operation
 * answers: {@code @APIResponse(responseCode = "404", ref = SharedAnswers.DATA_SOURCE_NOT_FOUND)}. An answer
 * only one operation gives stays written out on that operation.
 * <p>
 * Some are named by rule rather than by hand: the 400 of an operation that takes input (a body, a path or
 * query parameter) and the 415 of one that takes a body, where the operation does not describe them itself;
 * and the 400, 401 and 403 that Quarkus adds with generic descriptions. Every error answer has a
 * problem+json body.
 */
public final class SharedAnswers {

    public static final String INVALID_INPUT = "InvalidInput";
    public static final String NOT_SIGNED_IN = "NotSignedIn";
    public static final String NOT_ALLOWED = "NotAllowed";
    public static final String NOT_ALLOWED_OR_PASSWORD_REF = "NotAllowedOrPasswordRef";
    public static final String DATA_SOURCE_NOT_FOUND = "DataSourceNotFound";
    public static final String USER_NOT_FOUND = "UserNotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String NOT_JSON = "NotJson";
    public static final String TOO_MANY_SIGN_INS = "TooManySignIns";
    public static final String TOO_MANY_TESTS = "TooManyTests";
    public static final String STORE_UNAVAILABLE = "StoreUnavailable";
    public static final String ACCEPTANCES_MANAGED_BY_FILE = "AcceptancesManagedByFile";

    private static final String NOT_ALLOWED_TEXT = "Signed in, but the role does not allow this (or a console change without X-CSRF-Token)";

    /** The answers Quarkus adds, by the description it gives them, and the shared answer each one is. */
    private static final Map<String, String> QUARKUS_ANSWERS = Map.of(
            "Bad Request", INVALID_INPUT, "Not Authorized", NOT_SIGNED_IN, "Not Allowed", NOT_ALLOWED);

    private SharedAnswers() {
    }

    static void apply(OpenAPI openAPI) {
        declare(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                nameByRule(item, operation);
            }
        }));
    }

    private static void declare(OpenAPI openAPI) {
        Map<String, APIResponse> answers = new LinkedHashMap<>();
        answers.put(INVALID_INPUT, problem("Invalid input; `violations` names each field."));
        answers.put(NOT_SIGNED_IN, problem("Not signed in: send HTTP Basic credentials, or sign in to the console."));
        answers.put(NOT_ALLOWED, problem(NOT_ALLOWED_TEXT + "."));
        answers.put(NOT_ALLOWED_OR_PASSWORD_REF, problem(NOT_ALLOWED_TEXT
                + ", or a passwordRef from a user without the ADMIN role: `violations` names it."));
        answers.put(DATA_SOURCE_NOT_FOUND, problem("No data source has this id."));
        answers.put(USER_NOT_FOUND, problem("No user has this id."));
        answers.put(NOT_ACCEPTABLE, problem("The request accepts no JSON (its `Accept` header excludes application/json)."));
        answers.put(NOT_JSON, problem("The body is not application/json."));
        answers.put(TOO_MANY_SIGN_INS, retryAfter(problem("Too many failed sign-ins for this user or from this address.")));
        answers.put(TOO_MANY_TESTS, retryAfter(problem("Too many tests are running; retry after Retry-After seconds.")));
        answers.put(STORE_UNAVAILABLE, problem("dsm's own database is unreachable; retry later."));
        answers.put(ACCEPTANCES_MANAGED_BY_FILE, problem("The data source is managed by a provisioning file, which manages its "
                + "accepted risks too: `violations` names the file."));
        answers.forEach(openAPI.getComponents()::addResponse);
    }

    private static void nameByRule(PathItem item, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = hasAny(item.getParameters()) || hasAny(operation.getParameters());
        if ((hasBody || hasParameters) && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", named(INVALID_INPUT));
        }
        if (hasBody && !responses.hasAPIResponse("415")) {
            responses.addAPIResponse("415", named(NOT_JSON));
        }
        new LinkedHashMap<>(responses.getAPIResponses()).forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            String shared = QUARKUS_ANSWERS.get(response.getDescription());
            if (shared != null) {
                responses.addAPIResponse(status, named(shared));
            } else if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.content(problemBody());
            }
        });
    }

    private static APIResponse named(String name) {
        return OASFactory.createAPIResponse().ref(name);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemBody());
    }

    private static APIResponse retryAfter(APIResponse response) {
        return response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static Content problemBody() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    private static boolean hasAny(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
