package io.dsm.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;

/** Base of every test that calls the API: JSON by default, signed in as the first admin, and the secret-leak guard on. */
public abstract class ApiTest {

    /** The first admin's password in the test profile (application.properties, %test.dsm.admin-password). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-Admin-pw-4c1d";

    @BeforeAll
    static void installGuards() {
        SecretLeakGuard.install();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Built per test: the builder copies RestAssured's port, which Quarkus sets once the application is up. */
    @BeforeEach
    void sendJson() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setContentType(ContentType.JSON).setAccept(ContentType.JSON)
                .setAuth(RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD)).build();
    }
}
