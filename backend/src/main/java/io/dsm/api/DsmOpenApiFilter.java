package io.dsm.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.Components;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Finishes the document for generated clients:
 * <ul>
 * <li>derives ConnectionTestInput from DataSourceInput: the same fields, with the identifier and
 * password optional (a form is tested before it is filled; a saved data source is tested with its
 * stored password). Deriving it keeps the two from drifting apart;</li>
 * <li>declares the answers several operations share once ({@link SharedAnswers});</li>
 * <li>says that every id parameter is a UUID ({@link IdParameters});</li>
 * <li>marks the fields of every response schema required ({@link ResponseSchemas}).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DsmOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        deriveConnectionTestInput(openAPI.getComponents());
        SharedAnswers.apply(openAPI);
        IdParameters.markUuids(openAPI);
        ResponseSchemas.markRequired(openAPI);
    }

    private static void deriveConnectionTestInput(Components components) {
        Schema input = components.getSchemas().get("DataSourceInput");
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
        components.addSchema("ConnectionTestInput", test);
    }
}
