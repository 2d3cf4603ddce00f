package io.dsm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Derives ConnectionTestInput from DataSourceInput: the same fields, with the identifier optional
 * (a form is tested before it is filled). Deriving it keeps the two from drifting apart.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DsmOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema input = schemas.get("DataSourceInput");
        if (input == null) {
            return;
        }
        List<String> required = new ArrayList<>(input.getRequired() == null ? List.of() : input.getRequired());
        required.remove("identifier");
        required.add("password");
        Schema test = OASFactory.createSchema()
                .type(input.getType())
                .description("A data source to test: the fields of DataSourceInput; the identifier may be absent. "
                        + "For a saved data source the password may be absent too (the stored one is used).")
                .properties(input.getProperties())
                .required(required);
        openAPI.getComponents().addSchema("ConnectionTestInput", test);
    }
}
