package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Connection tests and heartbeats never reach dsm's own embedded store, even where DSM_CONNECT_ALLOW
 * permits loopback: the refusal comes before a socket is opened, so no password is ever sent there.
 */
@QuarkusTest
@TestProfile(OwnStoreProfile.class)
class OwnStoreRefusalTest extends ApiTest {

    private static final int STORE_PORT = StandInStorePort.STORE.port();

    @Test
    void refusesAConnectionTestToTheStoresPortWithoutSendingItAnything() throws Exception {
        int before = StandInStorePort.STORE.accepted();
        for (String host : new String[] { "127.0.0.1", "localhost", "::1", "127.0.0.2" }) {
            JsonPath result = test(migrator(STORE_PORT).host(host).username("postgres"));
            assertThat(result.getBoolean("success")).isFalse();
            Map<String, String> network = check(result, "PRIMARY", "NETWORK");
            assertThat(network.get("status")).as(host).isEqualTo("FAILED");
            assertThat(network.get("message")).as(host).contains("dsm's own embedded store").contains("Nothing was sent to it");
            assertThat(network.get("hint")).as(host).contains("no setting opens it");
            assertThat(check(result, "PRIMARY", "AUTHENTICATION").get("status")).isEqualTo("SKIPPED");
        }
        Thread.sleep(100);
        assertThat(StandInStorePort.STORE.accepted()).as("connections that reached the store").isEqualTo(before);
    }

    @Test
    void stillTestsAnotherPortOfThisHost() {
        Map<String, String> network = check(test(migrator(Sockets.closedPort())), "PRIMARY", "NETWORK");
        assertThat(network.get("message")).contains("connection refused").doesNotContain("embedded store");
    }

    @Test
    void failsAHeartbeatAimedAtTheStoreWithoutConnecting() {
        int before = StandInStorePort.STORE.accepted();
        String id = DataSources.create(migrator(STORE_PORT).identifier(DataSources.uniqueIdentifier("own")).heartbeat(true))
                .getString("id");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonPath read = DataSources.read(id);
            assertThat(read.getString("heartbeat.state")).isEqualTo("FAILING");
            assertThat(read.getString("heartbeat.lastError")).contains("dsm's own embedded store");
        });
        assertThat(StandInStorePort.STORE.accepted()).as("connections that reached the store").isEqualTo(before);
    }
}
