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
 * Finishes the document for generated clients:
 * <ul>
 * <li>derives ConnectionTestInput from DataSourceInput: the same fields, with the identifier and
 * password optional (a form is tested before it is filled; a saved data source is tested with its
 * stored password). Deriving it keeps the two from drifting apart;</li>
 * <li>marks every field of a response schema required, since every one is always sent (null when
 * empty), so generated types need no fallbacks. Problem's violations are sent only for bad input.</li>
 * </ul>
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
        Schema test = OASFactory.createSchema()
                .type(input.getType())
                .description("A data source to test: the fields of DataSourceInput; the identifier may be absent. "
                        + "The password is required to test an unsaved data source; for a saved one, absent means the stored one.")
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

    /** Response schemas, with the fields that may be left out of them. */
    private static final Map<String, List<String>> RESPONSES = Map.ofEntries(
            Map.entry("DataSource", List.of()), Map.entry("Standby", List.of()),
            Map.entry("HeartbeatStatus", List.of()), Map.entry("DataSourcePage", List.of()),
            Map.entry("ConnectionTestResult", List.of()), Map.entry("Check", List.of()), Map.entry("Regions", List.of()),
            Map.entry("IdentifierAvailability", List.of()), Map.entry("Violation", List.of()),
            Map.entry("Problem", List.of("violations")));
}
