package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.common.security.Role;
import io.dsm.testing.ApiTest;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint against every role. The table below is the access policy; an endpoint missing
 * from it fails the first test, so a new endpoint cannot ship without a rule.
 */
@QuarkusTest
class AccessRulesTest extends ApiTest {

    /** The least a caller needs: empty = anyone, even without signing in; AUTHENTICATED = any signed-in user. */
    enum Needs {
        ANYONE, AUTHENTICATED, VIEWER, OPERATOR, ADMIN
    }

    private static final Map<String, Needs> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("signIn", Needs.ANYONE);
        // Asking who is signed in is never refused: nobody signed in is an answer (200, signedIn false).
        POLICY.put("getSession", Needs.ANYONE);
        POLICY.put("signOut", Needs.AUTHENTICATED);
        POLICY.put("changeOwnPassword", Needs.AUTHENTICATED);
        POLICY.put("listDataSources", Needs.VIEWER);
        POLICY.put("getDataSource", Needs.VIEWER);
        POLICY.put("checkIdentifierAvailability", Needs.VIEWER);
        POLICY.put("listRegions", Needs.VIEWER);
        POLICY.put("listReadinessChecks", Needs.VIEWER);
        POLICY.put("createDataSource", Needs.OPERATOR);
        POLICY.put("updateDataSource", Needs.OPERATOR);
        POLICY.put("deleteDataSource", Needs.OPERATOR);
        POLICY.put("testConnection", Needs.OPERATOR);
        POLICY.put("testStoredConnection", Needs.OPERATOR);
        POLICY.put("getDataSourceReadiness", Needs.VIEWER);
        POLICY.put("recheckDataSourceReadiness", Needs.OPERATOR);
        POLICY.put("getProvisioning", Needs.VIEWER);
        POLICY.put("listAcceptances", Needs.VIEWER);
        POLICY.put("acceptRisk", Needs.OPERATOR);
        POLICY.put("revokeAcceptance", Needs.OPERATOR);
        POLICY.put("exportDataSources", Needs.ADMIN);
        POLICY.put("listUsers", Needs.ADMIN);
        POLICY.put("createUser", Needs.ADMIN);
        POLICY.put("getUser", Needs.ADMIN);
        POLICY.put("updateUser", Needs.ADMIN);
        POLICY.put("deleteUser", Needs.ADMIN);
        POLICY.put("listAuditEvents", Needs.ADMIN);
        POLICY.put("getSecretKeyStatus", Needs.ADMIN);
        POLICY.put("rotateSecretKey", Needs.ADMIN);
    }

    record Operation(String id, String method, String path, java.util.Set<String> statuses) {
    }

    private static List<Operation> operations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, byMethod) -> byMethod.forEach((method, operation) -> {
            if (!method.equals("parameters")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                operations.add(new Operation((String) operation.get("operationId"), method, path, responses.keySet()));
            }
        }));
        return operations;
    }

    @Test
    void hasARuleForEveryEndpointAndAnEndpointForEveryRule() {
        List<String> documented = operations().stream().map(Operation::id).toList();
        assertThat(documented).as("endpoints without a rule in POLICY").allMatch(POLICY::containsKey);
        assertThat(POLICY.keySet()).as("rules for endpoints that do not exist").allMatch(documented::contains);
    }

    @Test
    void refusesEveryEndpointToWhoeverLacksTheRoleAndAdmitsEveryoneElse() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations()) {
            Needs needs = Optional.ofNullable(POLICY.get(operation.id())).orElse(Needs.ADMIN);
            expect(operation, "anonymous", TestUsers.anonymous(), needs == Needs.ANYONE ? Optional.empty() : Optional.of(401), wrong);
            for (Role role : EnumSet.allOf(Role.class)) {
                boolean allowed = switch (needs) {
                    case ANYONE, AUTHENTICATED -> true;
                    case VIEWER -> true;
                    case OPERATOR -> role != Role.VIEWER;
                    case ADMIN -> role == Role.ADMIN;
                };
                expect(operation, role.name(), TestUsers.as(role), allowed ? Optional.empty() : Optional.of(403), wrong);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Generated clients send "Accept: application/problem+json" alone where success has no body. */
    @Test
    void answersClientsThatAcceptOnlyProblemsWhereSuccessHasNoBody() {
        List<String> refused = new ArrayList<>();
        for (Operation operation : operations()) {
            if (operation.statuses().contains("204")) {
                String path = concrete(operation.path());
                int status = TestUsers.as(Role.ADMIN).accept("application/problem+json").contentType("application/json")
                        .body("{}").request(operation.method().toUpperCase(), path).statusCode();
                if (status == 406) {
                    refused.add(operation.method().toUpperCase() + " " + operation.path());
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    /** The path with a random id in each of its parameters ({id}, {acceptanceId}...). */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** Sends a harmless request (unknown ids, empty bodies): what matters is whether it got past access control. */
    private static void expect(Operation operation, String who, RequestSpecification request, Optional<Integer> refusal,
            List<String> wrong) {
        String path = concrete(operation.path());
        // What a client accepts: JSON, the export's YAML, and the problems every error is.
        Response response = request.accept("application/json, application/yaml;q=0.9, application/problem+json;q=0.8")
                .contentType("application/json").body("{}").request(operation.method().toUpperCase(), path);
        int status = response.statusCode();
        boolean ok = refusal.map(expected -> status == expected && response.contentType().startsWith("application/problem+json"))
                .orElse(status != 401 && status != 403 && status < 500);
        if (!ok) {
            wrong.add(operation.method().toUpperCase() + " " + operation.path() + " as " + who + ": " + status + ", expected "
                    + refusal.map(String::valueOf).orElse("neither 401, 403 nor 5xx"));
        }
    }
}
