package io.dsm.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.dsm.common.security.Role;
import io.restassured.specification.RequestSpecification;

/** One user per role, created through the API on first use; and requests signed in as them. */
public final class TestUsers {

    public static final String PASSWORD = "pw-Test-User-7a2e91";

    private TestUsers() {
    }

    public static String username(Role role) {
        return "test-" + role.name().toLowerCase();
    }

    /** A request signed in with HTTP Basic as the test user of the role (the first admin for ADMIN). */
    public static RequestSpecification as(Role role) {
        if (role == Role.ADMIN) {
            return given().auth().preemptive().basic(ApiTest.ADMIN, ApiTest.ADMIN_PASSWORD);
        }
        ensure(role);
        return given().auth().preemptive().basic(username(role), PASSWORD);
    }

    public static RequestSpecification anonymous() {
        return given().auth().none();
    }

    static void ensure(Role role) {
        int status = given().body(Map.of("username", username(role), "role", role.name(), "password", PASSWORD))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("The test user for " + role + " could not be created: HTTP " + status);
        }
    }
}
