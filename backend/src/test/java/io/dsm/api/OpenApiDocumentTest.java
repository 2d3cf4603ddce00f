package io.dsm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The document that generated clients are built from. */
@QuarkusTest
class OpenApiDocumentTest extends ApiTest {

    private static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void givesEveryOperationAnIdATagAndProblemResponsesForErrors() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/datasources", "/api/datasources/{id}",
                "/api/datasources/identifier-availability", "/api/regions");
        operations(doc).forEach((operation, body) -> {
            assertThat(body).as(operation).containsKeys("operationId", "tags", "summary");
            responses(doc, body).forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.toString()).as(operation + " " + status).contains("application/problem+json");
                }
            });
        });
    }

    @Test
    void marksEveryFieldOfAResponseRequiredSoGeneratedTypesNeedNoFallbacks() {
        JsonPath doc = document();
        Map<String, Object> properties = doc.getMap("components.schemas.DataSource.properties");
        assertThat(doc.getList("components.schemas.DataSource.required", String.class)).containsAll(properties.keySet());
        assertThat(doc.getList("components.schemas.Problem.required")).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(doc.getList("components.schemas.TlsSettings.required")).isNullOrEmpty();
        assertThat(doc.getList("components.schemas.Tls.required")).containsExactly("mode", "caCertificate");
        assertThat(doc.getString("components.schemas.DataSource.properties.tls.$ref")).isEqualTo("#/components/schemas/Tls");
    }

    @Test
    void listsTheRequiredFieldsOfEverySchemaAnAnswerReaches() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        Set<String> answered = new TreeSet<>();
        operations(doc).values().forEach(body -> responses(doc, body).values().forEach(response -> reach(response, schemas, answered)));
        assertThat(answered).contains("DataSource", "Provisioning", "ProvisioningFile", "ProvisioningError", "SourceReadiness",
                "ReadinessChange", "ReadinessSummary", "Tls", "Problem");
        answered.stream().filter(name -> schemas.get(name).containsKey("properties")).forEach(name -> {
            @SuppressWarnings("unchecked")
            Set<String> fields = ((Map<String, Object>) schemas.get(name).get("properties")).keySet();
            assertThat(doc.getList("components.schemas." + name + ".required", String.class)).as(name + " required")
                    .isNotEmpty().isSubsetOf(fields);
        });
    }

    @Test
    void keepsWhatMayBeAbsentOptionalAndWhatMayBeNullNullable() {
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.SessionResponse.required")).containsExactly("signedIn");
        assertThat(doc.getList("components.schemas.ProvisioningFile.properties.appliedAt.type")).contains("null");
        assertThat(doc.getList("components.schemas.ProvisioningError.properties.line.type")).contains("null");
        assertThat(doc.getList("components.schemas.SourceReadiness.properties.latest.type")).contains("null");
        assertThat(doc.getList("components.schemas.ReadinessSummary.properties.checkedAt.type")).contains("null");
        assertThat(doc.getList("components.schemas.Tls.properties.caCertificate.type")).contains("null");
        assertThat(doc.getString("components.schemas.ProvisioningFile.properties.checkedAt.$ref")).isEqualTo("#/components/schemas/Instant");
    }

    @Test
    void writesOutEveryErrorAnswerOnceAndNamesTheSharedOnes() {
        JsonPath doc = document();
        Map<String, List<String>> operationsByAnswer = new TreeMap<>();
        operations(doc).forEach((operation, body) -> rawResponses(body).forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && !response.containsKey("$ref")) {
                operationsByAnswer.computeIfAbsent(status + " " + response.get("description"), answer -> new ArrayList<>()).add(operation);
            }
        }));
        assertThat(operationsByAnswer).as("error answers written out on more than one operation: declare them in SharedAnswers")
                .allSatisfy((answer, operations) -> assertThat(operations).as(answer).hasSize(1));
        assertThat(doc.getString("paths.'/api/datasources/{id}'.get.responses.'404'.$ref"))
                .isEqualTo("#/components/responses/DataSourceNotFound");
        assertThat(doc.getString("components.responses.DataSourceNotFound.description")).isEqualTo("No data source has this id.");
        assertThat(doc.getMap("paths.'/api/datasources/{id}'.get.responses")).doesNotContainKey("409");
        assertThat(doc.getMap("paths.'/api/datasources/{id}'.delete.responses")).containsKey("409");
    }

    @Test
    void definesNoSchemaThatOnlyReferencesItself() {
        Map<String, Map<String, Object>> schemas = document().getMap("components.schemas");
        schemas.forEach((name, schema) -> assertThat(schema.get("$ref")).as(name)
                .isNotEqualTo("#/components/schemas/" + name));
    }

    @Test
    void marksThePasswordWriteOnlyAndNeverShowsItInTheResource() {
        JsonPath doc = document();
        assertThat(doc.getBoolean("components.schemas.DataSourceInput.properties.password.writeOnly")).isTrue();
        assertThat(doc.getString("components.schemas.DataSourceInput.properties.password.$ref"))
                .isEqualTo("#/components/schemas/Secret");
        assertThat(doc.getString("components.schemas.Secret.format")).isEqualTo("password");
        assertThat(doc.getBoolean("components.schemas.Secret.writeOnly")).isTrue();
        assertThat(doc.getBoolean("components.schemas.StandbyInput.properties.password.writeOnly")).isTrue();
        assertThat(doc.getMap("components.schemas.DataSource.properties")).doesNotContainKey("password")
                .containsKey("passwordSet");
        assertThat(doc.getBoolean("components.schemas.DataSource.properties.passwordSet.readOnly")).isTrue();
    }

    @Test
    void describesTheConstraintsOfTheFields() {
        JsonPath doc = document();
        String input = "components.schemas.DataSourceInput.properties.";
        assertThat(doc.getString(input + "identifier.pattern")).isEqualTo("^[A-Za-z0-9_-]{1,32}$");
        assertThat(doc.getInt(input + "port.minimum")).isEqualTo(1);
        assertThat(doc.getInt(input + "port.maximum")).isEqualTo(65535);
        assertThat(doc.getInt(input + "host.maxLength")).isEqualTo(253);
        assertThat(doc.getInt(input + "remarks.maxLength")).isEqualTo(128);
        assertThat(doc.getList("components.schemas.DatabaseAttribute.enum"))
                .containsExactly("PRIMARY", "PRIMARY_STANDBY", "STANDBY", "CHILD_NODE");
        assertThat(doc.getList("components.schemas.DataSourceInput.required"))
                .contains("identifier", "type", "attribute", "host", "port", "username", "databaseName");
    }

    @Test
    void exposesTheInputRulesOfUsersAndSessionsSoTheConsoleNeedNotCopyThem() {
        JsonPath doc = document();
        String user = "components.schemas.UserInput.properties.";
        assertThat(doc.getString(user + "username.pattern")).isEqualTo(io.dsm.user.AccountRules.USERNAME);
        assertThat(doc.getInt(user + "password.minLength")).isEqualTo(12);
        assertThat(doc.getInt(user + "password.maxLength")).isEqualTo(128);
        assertThat(doc.getList("components.schemas.UserInput.required")).containsExactly("role");
        String change = "components.schemas.PasswordChangeInput.properties.newPassword.";
        assertThat(doc.getInt(change + "minLength")).isEqualTo(12);
        assertThat(doc.getInt(change + "maxLength")).isEqualTo(128);
        assertThat(doc.getList("components.schemas.SignInInput.required")).containsExactlyInAnyOrder("username", "password");
        assertThat(doc.getInt("components.schemas.DataSourceInput.properties.password.maxLength")).isEqualTo(1024);
        assertThat(doc.getInt("components.schemas.StandbyInput.properties.port.maximum")).isEqualTo(65535);
        assertThat(doc.getInt("components.schemas.StandbyInput.properties.username.maxLength")).isEqualTo(63);
    }

    @Test
    void publishesTheFieldsASavedPasswordIsBoundToSoTheConsoleAsksForItAgain() {
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.DataSourceInput.properties.password.x-dsm-password-scope"))
                .containsExactly("host", "port", "username", "tls.mode", "tls.caCertificate");
        assertThat(doc.getList("components.schemas.StandbyInput.properties.password.x-dsm-password-scope"))
                .containsExactly("standby.host", "standby.port", "standby.username", "tls.mode", "tls.caCertificate");
    }

    @Test
    void declaresTheAnswersEveryOperationSharesByRule() {
        JsonPath doc = document();
        assertThat(doc.getString("paths.'/api/datasources/{id}'.get.responses.'400'.$ref"))
                .isEqualTo("#/components/responses/InvalidInput");
        assertThat(doc.getString("components.responses.InvalidInput.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getString("paths.'/api/users'.post.responses.'415'.$ref")).isEqualTo("#/components/responses/NotJson");
        assertThat(doc.getString("components.responses.NotJson.description")).isEqualTo("The body is not application/json.");
        assertThat(doc.getString("paths.'/api/users'.post.responses.'400'.$ref")).isEqualTo("#/components/responses/InvalidInput");
        assertThat(doc.getString("paths.'/api/users'.post.responses.'401'.$ref")).isEqualTo("#/components/responses/NotSignedIn");
        assertThat(doc.getString("components.responses.InvalidInput.description"))
                .isEqualTo("Invalid input; `violations` names each field.");
        assertThat(doc.getString("paths.'/api/session'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/SessionResponse");
        assertThat(doc.getList("components.schemas.SessionResponse.required")).containsExactly("signedIn");
    }

    @Test
    void describesTheTestInputAsTheCreateInputWithAnOptionalIdentifier() {
        JsonPath doc = document();
        assertThat(doc.getMap("components.schemas.ConnectionTestInput.properties"))
                .containsOnlyKeys(doc.getMap("components.schemas.DataSourceInput.properties").keySet());
        assertThat(doc.getList("components.schemas.ConnectionTestInput.required")).doesNotContain("identifier", "password")
                .contains("host", "port", "databaseName");
        assertThat(doc.getString("paths.'/api/datasources/test-connection'.post.requestBody.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/ConnectionTestInput");
        assertThat(doc.getString("paths.'/api/datasources/test-connection'.post.operationId")).isEqualTo("testConnection");
    }

    @Test
    void matchesTheCommittedDocumentThatClientsAreGeneratedFrom() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var served = json.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        var committed = json.readTree(Files.readString(Path.of("../api/openapi.json")));
        assertThat(committed.equals(served)).as("api/openapi.json is stale; refresh it with: "
                + "./mvnw -q -pl backend package -DskipTests && cp backend/target/openapi/openapi.json api/openapi.json")
                .isTrue();
    }

    @Test
    void writesACopyAtBuildTimeForClientGeneration() throws Exception {
        Path stored = Path.of("target/openapi/openapi.json");
        assertThat(stored).exists();
        assertThat(Files.readString(stored)).contains("\"operationId\" : \"createDataSource\"");
    }

    @Test
    void carriesNoRealisticSecretInItsExamples() {
        String text = given().accept("application/json").get("/q/openapi?format=json").asString();
        List<String> passwordExamples = JsonPath.from(text).getList("components.schemas.DataSourceInput.properties.password.examples");
        assertThat(passwordExamples).isNullOrEmpty();
        assertThat(text).doesNotContainIgnoringCase("secret123").doesNotContain(io.dsm.testing.DataSources.PASSWORD);
    }

    /** Each operation of the document, by "METHOD path". */
    private static Map<String, Map<String, Object>> operations(JsonPath doc) {
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!method.equals("parameters")) {
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, operation);
            }
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rawResponses(Map<String, Object> operation) {
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }

    /** An operation's answers by status, each shared one replaced by its declaration in components.responses. */
    private static Map<String, Map<String, Object>> responses(JsonPath doc, Map<String, Object> operation) {
        Map<String, Map<String, Object>> responses = new TreeMap<>();
        rawResponses(operation).forEach((status, response) -> {
            Object ref = response.get("$ref");
            responses.put(status, ref == null ? response
                    : doc.getMap("components.responses." + ref.toString().substring("#/components/responses/".length())));
        });
        return responses;
    }

    /** Adds the names of the component schemas a part of the document refers to, directly or through others. */
    private static void reach(Object node, Map<String, Map<String, Object>> schemas, Set<String> reached) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key) && value.toString().startsWith("#/components/schemas/")) {
                    String name = value.toString().substring("#/components/schemas/".length());
                    if (reached.add(name)) {
                        reach(schemas.get(name), schemas, reached);
                    }
                } else {
                    reach(value, schemas, reached);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> reach(item, schemas, reached));
        }
    }
}
