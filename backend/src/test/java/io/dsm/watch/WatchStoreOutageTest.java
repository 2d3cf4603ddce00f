package io.dsm.watch;

import static io.dsm.watch.WatchedSources.firstCheck;
import static io.dsm.watch.WatchedSources.readiness;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.RestartablePostgresResource;
import io.dsm.testing.Sockets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** While dsm's own store is down the watch pauses; when it returns, the watch resumes by itself. */
@QuarkusTest
@TestProfile(WatchStoreOutageTest.OwnStoreFastWatch.class)
class WatchStoreOutageTest extends ApiTest {

    /** The fast watch on a store of its own, so that stopping it leaves the other tests alone. */
    public static class OwnStoreFastWatch extends FastWatchProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void resumesCheckingWithinTwoIntervalsOfTheStoresReturn() throws InterruptedException {
        String id = DataSources.create(DataSourceBody.migrator(Sockets.closedPort())
                .identifier(DataSources.uniqueIdentifier("outage"))).getString("id");
        Instant before = Instant.parse(firstCheck(id).getString("checkedAt"));

        RestartablePostgresResource.stopServer();
        try {
            Thread.sleep(FastWatchProfile.INTERVAL_MS * 2);
        } finally {
            RestartablePostgresResource.startServer();
        }
        long returned = System.nanoTime();

        WatchedSources.within(Duration.ofMillis(FastWatchProfile.INTERVAL_MS * 2 + 10_000)).ignoreExceptions().until(() ->
                Instant.parse(readiness(id).getString("checkedAt")).isAfter(before.plusMillis(FastWatchProfile.INTERVAL_MS * 2)));
        long resumedMs = (System.nanoTime() - returned) / 1_000_000;
        assertThat(resumedMs).as("from the store's return to a new stored check").isLessThan(FastWatchProfile.INTERVAL_MS * 2 + 10_000);
        assertThat(readiness(id).getString("state")).isEqualTo("UNREACHABLE");
    }
}
