package io.dsm.common.concurrent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.watch.FastWatchProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every background pool is created by one owner and shows in one metric family, by name. */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class BackgroundThreadsTest extends ApiTest {

    private static final Pattern POOL = Pattern.compile("dsm_background_threads\\{pool=\"([^\"]+)\",state=\"active\",?}");

    @Test
    void showsEveryPoolOfTheRunningServicesInOneMetricFamily() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> pools = new TreeSet<>();
        Matcher pool = POOL.matcher(metrics);
        while (pool.find()) {
            pools.add(pool.group(1));
        }
        assertThat(pools).contains("dsm-heartbeat", "dsm-heartbeat-lease", "dsm-watch-poll", "dsm-watch-check", "dsm-test-worker",
                "dsm-slot-probe-cancel", "dsm-throttling-records");
        assertThat(metrics).containsPattern("dsm_background_queued_tasks\\{pool=\"dsm-watch-check\",?}");
    }

    @Test
    void namesEveryThreadOfItsPoolsAfterThePool() {
        Set<String> dsmThreads = new TreeSet<>();
        Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(name -> name.startsWith("dsm-")).forEach(dsmThreads::add);
        assertThat(dsmThreads).anyMatch(name -> name.startsWith("dsm-heartbeat-lease-")).anyMatch(name -> name.startsWith("dsm-watch-poll-"));
    }
}
