package io.dsm.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Errors of the HTTP layer, raised before any resource runs, are problem+json like every other. */
@QuarkusTest
class HttpLimitsTest extends ApiTest {

    @Test
    void answersAQueryStringOfFiveThousandCharactersWith414AndAProblem() {
        given().queryParam("q", "x".repeat(5000)).get("/api/datasources")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:dsm:problem:uri-too-long"))
                .body("status", equalTo(414))
                .body("title", equalTo("URI too long"))
                .body("detail", containsString("4096"));
    }

    @Test
    void stillAnswersAnAddressWithinTheLimitFromTheResource() {
        given().queryParam("q", "x".repeat(3000)).get("/api/datasources")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void answersHugeHeadersWith431AndAProblem() throws IOException {
        String answer = exchange("GET /api/datasources HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(30_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 431, "urn:dsm:problem:headers-too-large");
    }

    @Test
    void answersABodyLargerThanTheLimitWith413AndAProblem() throws IOException {
        String answer = exchange("POST /api/datasources HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20000000\r\nConnection: close\r\n\r\n{\"identifier\":");
        assertProblem(answer, 413, "urn:dsm:problem:content-too-large");
    }

    private static void assertProblem(String answer, int status, String type) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status)
                .contains("\"title\":").contains("\"detail\":");
    }

    /** One request over a plain socket, so that nothing between the test and the server trims it. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
