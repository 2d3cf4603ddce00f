package io.dsm.common.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.dsm.testing.ApiTest;
import io.dsm.watch.FastWatchProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One process, one name: the heartbeat writer and the readiness watch announce themselves in one registry under it. */
@QuarkusTest
@TestProfile(FastWatchProfile.class)
class OneInstanceNameTest extends ApiTest {

    @Inject
    InstanceIdentity instance;

    @Inject
    AgroalDataSource store;

    @Test
    void announcesTheHeartbeatAndTheWatchUnderTheProcessesOneName() throws Exception {
        Map<String, String> announced = new HashMap<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (announced.size() < 2 && System.nanoTime() < deadline) {
            announced = presence();
            Thread.sleep(100);
        }
        assertThat(announced).containsOnlyKeys("HEARTBEAT", "WATCH").containsValues(instance.name(), instance.name());
    }

    /** Work to owner; a second owner for one kind of work would be kept as a list and fail the test. */
    private Map<String, String> presence() throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (Connection connection = store.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT work, string_agg(owner, ',') FROM instance_presence GROUP BY work")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
        }
        return owners;
    }
}
