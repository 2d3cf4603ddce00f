package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.statuses;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A test answers within its bound whatever the network does, and never dials a denied address. */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class NetworkBoundsTest extends ApiTest {

    private static final long MARGIN_MS = 1000;

    @Test
    void failsNetworkWellUnderASecondForARefusedPort() {
        long start = System.nanoTime();
        JsonPath result = test(migrator(Sockets.closedPort()));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).isLessThan(1000);
        assertThat(statuses(result)).first().isEqualTo("PRIMARY NETWORK FAILED");
        assertThat(check(result, "PRIMARY", "NETWORK").get("message")).contains("connection refused");
        assertThat(check(result, "PRIMARY", "AUTHENTICATION").get("status")).isEqualTo("SKIPPED");
    }

    @Test
    void answersWithinTheBoundForAServerThatAcceptsAndNeverAnswers() throws Exception {
        try (Sockets.Tarpit tarpit = new Sockets.Tarpit(InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            JsonPath result = test(migrator(tarpit.port()));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMs).isBetween(ConnectionTestProfile.TIMEOUT_MS - 200, ConnectionTestProfile.TIMEOUT_MS + MARGIN_MS);
            Map<String, String> network = check(result, "PRIMARY", "NETWORK");
            assertThat(network.get("status")).isEqualTo("FAILED");
            assertThat(network.get("message")).contains("did not complete the PostgreSQL handshake within 2000 ms");
        }
    }

    @Test
    void refusesADeniedAddressWithoutSendingItAnything() throws Exception {
        InetAddress denied = InetAddress.getByName(ConnectionTestProfile.DENIED_ADDRESS);
        try (Sockets.Tarpit listener = new Sockets.Tarpit(denied)) {
            DataSourceBody body = migrator(listener.port()).host(ConnectionTestProfile.DENIED_ADDRESS);
            JsonPath result = test(body);
            Map<String, String> network = check(result, "PRIMARY", "NETWORK");
            assertThat(network.get("status")).isEqualTo("FAILED");
            assertThat(network.get("message")).contains("not allowed").contains("DSM_CONNECT_DENY");
            Thread.sleep(100);
            assertThat(listener.accepted()).as("connections that reached the denied address").isZero();
        }
    }

    @Test
    void refusesTheCloudMetadataAddressByDefault() {
        DataSourceBody body = migrator(80).host("169.254.169.254");
        assertThat(check(test(body), "PRIMARY", "NETWORK").get("message")).contains("169.254.0.0/16");
    }

    @Test
    void failsNetworkForAHostNameThatDoesNotResolve() {
        DataSourceBody body = migrator(5432).host("no-such-host.invalid");
        JsonPath result = test(body);
        assertThat(result.getLong("elapsedMs")).isLessThan(ConnectionTestProfile.TIMEOUT_MS + MARGIN_MS);
        Map<String, String> network = check(result, "PRIMARY", "NETWORK");
        assertThat(network.get("status")).isEqualTo("FAILED");
        assertThat(network.get("message")).satisfiesAnyOf(
                m -> assertThat(m).contains("cannot be resolved"), m -> assertThat(m).contains("Resolving"));
    }
}
