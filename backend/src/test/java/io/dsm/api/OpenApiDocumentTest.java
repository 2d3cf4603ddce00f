package io.dsm.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        assertThat(paths).containsKeys("/api/datasources", "/api/datasources/{id}",
                "/api/datasources/identifier-availability", "/api/regions");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (method.equals("parameters")) {
                return;
            }
            assertThat(operation).as(method + " " + path).containsKeys("operationId", "tags", "summary");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.toString()).as(method + " " + path + " " + status).contains("application/problem+json");
                }
            });
        }));
    }

    @Test
    void marksEveryFieldOfAResponseRequiredSoGeneratedTypesNeedNoFallbacks() {
        JsonPath doc = document();
        Map<String, Object> properties = doc.getMap("components.schemas.DataSource.properties");
        assertThat(doc.getList("components.schemas.DataSource.required", String.class)).containsAll(properties.keySet());
        assertThat(doc.getList("components.schemas.Problem.required")).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(doc.getList("components.schemas.TlsSettings.required")).isNullOrEmpty();
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
        assertThat(doc.getString("paths.'/api/datasources/{id}'.get.responses.'400'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getString("paths.'/api/users'.post.responses.'415'.description")).isEqualTo("The body is not application/json.");
        assertThat(doc.getString("paths.'/api/users'.post.responses.'400'.description"))
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
}
