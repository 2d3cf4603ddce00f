package io.dsm.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dsm.auth.service.ThrottlingRecords;
import io.dsm.testing.ApiTest;
import io.dsm.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Five failures a minute per user and per address (the default), and then nothing is checked until the minute has passed. */
@QuarkusTest
@TestProfile(SignInThrottlingProfile.class)
class SignInThrottlingTest extends ApiTest {

    private static final String PASSWORD = "pw-Guessed-Account-5e81";
    private static final Duration PAST_THE_WINDOW = Duration.ofSeconds(61);

    @Inject
    ManualTicker ticker;

    @Inject
    ThrottlingRecords throttlings;

    /** Every test starts with nothing throttled: 127.0.0.1, where all of them come from, included. */
    @BeforeEach
    void endEveryThrottling() {
        ticker.advance(PAST_THE_WINDOW);
        throttlings.recordEnded();
    }

    /** A user whose password dsm has verified (and so remembers) before anyone guesses it. */
    private static String verifiedUser() {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        given().body(Map.of("username", name, "role", "VIEWER", "password", PASSWORD)).post("/api/users").then().statusCode(201);
        basic(name, PASSWORD).get("/api/regions").then().statusCode(200);
        return name;
    }

    private static RequestSpecification basic(String username, String password) {
        return TestUsers.anonymous().auth().preemptive().basic(username, password);
    }

    private static JsonPath audit(String action, Instant from) {
        return given().queryParam("action", action).queryParam("from", from.toString()).queryParam("size", 100).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void refusesEveryGuessWhileThrottledTheRightPasswordIncluded() {
        String name = verifiedUser();
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 100; i++) {
            last = basic(name, i == 50 || i == 99 ? PASSWORD : "wrong-guess-" + i).get("/api/regions");
            statuses.add(last.statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 100)).as("the right password at 50 and 99 among them").containsOnly(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 61);
    }

    @Test
    void auditsAHundredGuessesAsTheFiveFailuresAndOneCountedThrottling() {
        String name = verifiedUser();
        Instant from = Instant.now();
        for (int i = 0; i < 100; i++) {
            basic(name, "wrong-guess-" + i).get("/api/regions");
        }
        ticker.advance(PAST_THE_WINDOW);
        throttlings.recordEnded();

        JsonPath audit = audit("SIGN_IN", from);
        List<String> details = audit.getList("items.detail", String.class);
        assertThat(audit.getInt("total")).as("rows, not one per guess: " + details).isLessThanOrEqualTo(10);
        assertThat(details.stream().filter(detail -> detail.equals("HTTP Basic: wrong username or password"))).hasSize(5);
        assertThat(details).contains("Throttling ended for user " + name + " after 61 s: 95 attempts refused.",
                "Throttling ended for address 127.0.0.1 after 61 s: 95 attempts refused.");
        assertThat(details).anySatisfy(detail -> assertThat(detail).startsWith("Throttling started for user " + name + " after 5 "));
    }

    @Test
    void checksOnlyFiveOfTwentyParallelGuesses() throws Exception {
        String name = verifiedUser();
        ExecutorService guessers = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "wrong-guess-" + i;
                guesses.add(guessers.submit(() -> {
                    go.await();
                    return basic(name, guess).get("/api/regions").statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> guess : guesses) {
                statuses.add(guess.get());
            }
            assertThat(statuses.stream().filter(status -> status == 401)).as(statuses.toString()).hasSize(5);
            assertThat(statuses.stream().filter(status -> status == 429)).as(statuses.toString()).hasSize(15);
        } finally {
            guessers.shutdownNow();
        }
    }

    @Test
    void throttlesGuessesOfTheCurrentPasswordInAPasswordChange() {
        String name = verifiedUser();
        Instant from = Instant.now();
        Response session = TestUsers.anonymous().header("X-Requested-With", "dsm-console")
                .body(Map.of("username", name, "password", PASSWORD)).post("/api/session");
        session.then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            changePassword(session, "wrong-guess-" + i).then().statusCode(400);
        }

        Response throttled = changePassword(session, PASSWORD);
        throttled.then().statusCode(429).contentType("application/problem+json");
        assertThat(throttled.header("Retry-After")).isNotNull();
        ticker.advance(PAST_THE_WINDOW);
        assertThat(basic(name, PASSWORD).get("/api/regions").statusCode()).as("the password did not change").isEqualTo(200);
        List<Map<String, Object>> failures = audit("PASSWORD_CHANGED", from).getList("items");
        assertThat(failures).hasSize(5).allSatisfy(event -> assertThat(event).containsEntry("outcome", "FAILURE")
                .containsEntry("actor", name).containsEntry("detail", "wrong current password"));
    }

    private static Response changePassword(Response session, String currentPassword) {
        return TestUsers.anonymous().header("X-Requested-With", "dsm-console").cookie("dsm_session", session.cookie("dsm_session"))
                .header("X-CSRF-Token", session.jsonPath().getString("csrfToken"))
                .body(Map.of("currentPassword", currentPassword, "newPassword", "pw-Changed-Secret-41")).put("/api/session/password");
    }

    @Test
    void refusesTheRightPasswordAtConsoleSignInWhileThrottled() {
        String name = verifiedUser();
        for (int i = 0; i < 5; i++) {
            TestUsers.anonymous().body(Map.of("username", name, "password", "wrong-guess-" + i)).post("/api/session")
                    .then().statusCode(401);
        }

        Response throttled = TestUsers.anonymous().body(Map.of("username", name, "password", PASSWORD)).post("/api/session");
        throttled.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 61);
        assertThat(throttled.header("Set-Cookie")).isNull();
    }
}
