package io.dsm.api;

import java.util.List;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Every id the API takes in a path or query ({@code id}, {@code acceptanceId}, {@code dataSourceId}, ...) is a UUID. The
 * resources take it as a string, so that a malformed one answers 400 naming the parameter ({@code Ids.parse}) rather than
 * a bare 404; the document says it is a UUID by this rule, instead of an annotation on each parameter.
 */
final class IdParameters {

    private IdParameters() {
    }

    static void markUuids(OpenAPI openAPI) {
        Operations.of(openAPI).filter(operation -> operation.getParameters() != null)
                .forEach(operation -> operation.getParameters().forEach(IdParameters::markUuid));
    }

    private static void markUuid(Parameter parameter) {
        String name = parameter.getName();
        Schema schema = parameter.getSchema();
        if (name != null && (name.equals("id") || name.endsWith("Id")) && schema != null
                && List.of(Schema.SchemaType.STRING).equals(schema.getType())) {
            schema.setFormat("uuid");
        }
    }
}
