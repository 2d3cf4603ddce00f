package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;
import static io.dsm.readiness.ReadinessAnswers.passed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.LogicalTarget;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * More checks must not mean more round trips: every readiness fact rides in a statement the test
 * already sends. Counted on the wire, as the Sync and Query messages of each connection.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class RoundTripsTest extends ApiTest {

    /** pgjdbc's session set-up after sign-in (extra_float_digits, application_name), sent as one round trip. */
    private static final int DRIVER_SETUP = 1;

    static LogicalTarget target;
    static String database;

    @BeforeAll
    static void startTarget() {
        target = LogicalTarget.start(null);
        database = target.database("roundtrips", "CREATE TABLE app.orders (id int PRIMARY KEY)",
                "CREATE TABLE app.events (at timestamptz, body text)", "CREATE PUBLICATION orders FOR TABLE app.orders",
                // A view, so that the probe of tables.readable runs in the counted batch too.
                "CREATE VIEW app.recent_events AS SELECT * FROM app.events");
        target.server().executeIn(database, "GRANT CREATE ON SCHEMA public TO cdc");
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static List<Sockets.ProtocolCountingRelay.Counted> connectionsOf(DataSourceBody source) throws Exception {
        try (Sockets.ProtocolCountingRelay relay = new Sockets.ProtocolCountingRelay(target.port())) {
            JsonPath result = test(source.port(relay.port()));
            assertThat(passed(result)).contains("role.timeouts", "role.connection_limit", "tables.readable");
            return relay.connections();
        }
    }

    @Test
    void sendsTheFactsAndOneBatchOnTheSessionAndOneCommandOnTheReplicationConnection() throws Exception {
        List<Sockets.ProtocolCountingRelay.Counted> connections = connectionsOf(target.source(database).heartbeat(true));
        assertThat(connections).filteredOn(c -> !c.replication()).singleElement()
                .extracting(Sockets.ProtocolCountingRelay.Counted::roundTrips).isEqualTo(DRIVER_SETUP + 2);
        assertThat(connections).filteredOn(Sockets.ProtocolCountingRelay.Counted::replication).singleElement()
                .extracting(Sockets.ProtocolCountingRelay.Counted::roundTrips).isEqualTo(1);
    }

    @Test
    void sendsOneBatchOnTheSessionOfAStandbyOnlySource() throws Exception {
        List<Sockets.ProtocolCountingRelay.Counted> connections = connectionsOf(target.source(database).attribute("STANDBY"));
        assertThat(connections).singleElement().extracting(Sockets.ProtocolCountingRelay.Counted::roundTrips)
                .isEqualTo(DRIVER_SETUP + 1);
    }
}
