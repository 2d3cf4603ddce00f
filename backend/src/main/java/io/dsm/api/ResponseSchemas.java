package io.dsm.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Marks every field of a response schema required: dsm sends every field of an answer (null when empty), so
 * generated types need no fallbacks. A response schema is any schema an answer's body reaches, so a new one
 * cannot be forgotten. A schema that a request body reaches too is left alone, since its fields are optional
 * on input: the answer needs a schema of its own (as Tls beside TlsSettings), and OpenApiDocumentTest fails
 * until it has one.
 */
final class ResponseSchemas {

    /** Fields an answer leaves out: a problem's violations (bad input only) and a session's fields (signed in only). */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "Problem", Set.of("violations"),
            "SessionResponse", Set.of("username", "role", "csrfToken", "expiresAt"));

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    private ResponseSchemas() {
    }

    static void markRequired(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> requested = new HashSet<>();
        Set<String> answered = new HashSet<>();
        Operations.of(openAPI).forEach(operation -> {
            if (operation.getRequestBody() != null) {
                reach(operation.getRequestBody().getContent(), schemas, requested);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> reach(resolve(response, openAPI).getContent(), schemas, answered));
            }
        });
        answered.removeAll(requested);
        answered.stream().map(name -> Map.entry(name, schemas.get(name)))
                .filter(schema -> schema.getValue().getProperties() != null)
                .forEach(schema -> schema.getValue().setRequired(schema.getValue().getProperties().keySet().stream()
                        .filter(field -> !OPTIONAL.getOrDefault(schema.getKey(), Set.of()).contains(field)).toList()));
    }

    private static APIResponse resolve(APIResponse response, OpenAPI openAPI) {
        String ref = response.getRef();
        return ref == null ? response : openAPI.getComponents().getResponses().get(ref.substring(RESPONSES.length()));
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> reached) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(type -> reach(type.getSchema(), schemas, reached));
        }
    }

    /** Adds the names of the component schemas this schema refers to, directly or through others. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (reached.add(name)) {
                reach(schemas.get(name), schemas, reached);
            }
        }
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(list -> list != null).forEach(parts::addAll);
        parts.add(schema.getItems());
        parts.add(schema.getAdditionalPropertiesSchema());
        parts.forEach(part -> reach(part, schemas, reached));
    }
}
