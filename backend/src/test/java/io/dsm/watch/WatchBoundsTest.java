package io.dsm.watch;

import static io.dsm.watch.WatchedSources.firstCheck;
import static io.dsm.watch.WatchedSources.readiness;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Sources that hang hold a watch thread no longer than the test timeout, and never more threads than DSM_WATCH_THREADS. */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class WatchBoundsTest extends ApiTest {

    private static final Pattern RUNNING = Pattern.compile("(?m)^dsm_watch_checks_running(?:\\{[^}]*\\})? (\\d+)\\.0$");

    @Test
    void boundsHangingSourcesByTheTimeoutAndTheThreadsWhileOthersAreStillChecked() throws Exception {
        List<Sockets.Tarpit> tarpits = new ArrayList<>();
        try {
            List<String> hanging = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Sockets.Tarpit tarpit = new Sockets.Tarpit(InetAddress.getLoopbackAddress());
                tarpits.add(tarpit);
                hanging.add(DataSources.create(DataSourceBody.migrator(tarpit.port())
                        .identifier(DataSources.uniqueIdentifier("hang"))).getString("id"));
            }
            String healthy = DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                    .identifier(DataSources.uniqueIdentifier("quick"))).getString("id");

            int mostRunning = 0;
            long until = System.nanoTime() + Duration.ofMillis(FastWatchProfile.INTERVAL_MS * 2).toNanos();
            while (System.nanoTime() < until) {
                mostRunning = Math.max(mostRunning, running());
                Thread.sleep(100);
            }
            assertThat(mostRunning).as("checks running at once").isBetween(1, 2);

            for (String id : hanging) {
                JsonPath readiness = firstCheck(id);
                assertThat(readiness.getString("state")).isEqualTo("UNREACHABLE");
                assertThat(readiness.getLong("latest.elapsedMs")).isLessThan(FastWatchProfile.TIMEOUT_MS + 1000);
                assertThat(readiness.getString("latest.checks[0].message"))
                        .contains("did not complete the PostgreSQL handshake within " + FastWatchProfile.TIMEOUT_MS + " ms");
            }
            Instant first = Instant.parse(firstCheck(healthy).getString("checkedAt"));
            WatchedSources.within(Duration.ofMillis(FastWatchProfile.INTERVAL_MS * 3)).until(() ->
                    Instant.parse(readiness(healthy).getString("checkedAt")).isAfter(first));
        } finally {
            for (Sockets.Tarpit tarpit : tarpits) {
                tarpit.close();
            }
        }
    }

    @Test
    void startsTheNextDueCheckAsSoonAsAThreadFreesUpRatherThanAtTheNextPoll() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                    .identifier(DataSources.uniqueIdentifier("burst"))).getString("id"));
        }
        long start = System.nanoTime();
        // Two threads claiming two checks per one-second poll would need ten seconds for twenty.
        WatchedSources.within(Duration.ofSeconds(5)).until(() -> ids.stream()
                .allMatch(id -> !"UNKNOWN".equals(WatchedSources.state(id))));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }

    private static int running() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = RUNNING.matcher(metrics);
        assertThat(matcher.find()).as("dsm_watch_checks_running in /q/metrics").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
