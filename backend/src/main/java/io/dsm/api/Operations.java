package io.dsm.api;

import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/** Every operation of the document, for the rules the filter applies to each. */
final class Operations {

    private Operations() {
    }

    static Stream<Operation> of(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return openAPI.getPaths().getPathItems().values().stream().flatMap(item -> item.getOperations().values().stream());
    }
}
