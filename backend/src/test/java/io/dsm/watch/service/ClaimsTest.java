package io.dsm.watch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How instances share the checks through the store (the watch itself is off in this profile, so only
 * the test claims): never the same source twice, and a dead instance's claim is taken once it expires.
 */
@QuarkusTest
class ClaimsTest extends ApiTest {

    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration ALIVE = Duration.ofSeconds(4);

    @Inject
    AgroalDataSource store;

    private final List<UUID> sources = new ArrayList<>();

    @BeforeEach
    void dueSources() throws SQLException {
        try (Connection connection = store.getConnection()) {
            connection.createStatement().executeUpdate(
                    "UPDATE readiness_watch SET next_check_at = 'infinity', owner = NULL, lease_expires_at = '-infinity'");
            connection.createStatement().executeUpdate("DELETE FROM instance_presence");
        }
        sources.clear();
        for (int i = 0; i < 40; i++) {
            sources.add(UUID.fromString(DataSources.create(DataSources.primary(DataSources.uniqueIdentifier("claim"))).getString("id")));
        }
    }

    @Test
    void neverGivesOneSourceToTwoInstancesClaimingAtOnce() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<WatchStore.Claim>>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "instance-" + i;
                Callable<List<WatchStore.Claim>> claim = () -> WatchStore.claimDue(store, owner, 15, LONG, ALIVE, LONG);
                claims.add(instances.submit(claim));
            }
            Set<UUID> claimed = new HashSet<>();
            int total = 0;
            for (Future<List<WatchStore.Claim>> claim : claims) {
                for (WatchStore.Claim one : claim.get()) {
                    claimed.add(one.dataSourceId());
                    total++;
                }
            }
            assertThat(total).as("claims, counting repeats").isEqualTo(claimed.size());
            assertThat(claimed).containsExactlyInAnyOrderElementsOf(sources);
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void claimsNothingThatIsAlreadyClaimedUntilTheClaimExpires() throws Exception {
        assertThat(WatchStore.claimDue(store, "dead", 100, Duration.ofMillis(1500), ALIVE, LONG)).hasSize(sources.size());
        assertThat(WatchStore.claimDue(store, "survivor", 100, LONG, ALIVE, LONG)).as("while the dead instance's claims hold").isEmpty();
        Thread.sleep(1600);
        assertThat(WatchStore.claimDue(store, "survivor", 100, LONG, ALIVE, LONG)).as("once they expired").hasSize(sources.size());
    }

    @Test
    void claimsTheMostOverdueFirstAndNoMoreThanAsked() throws Exception {
        UUID oldest = sources.get(17);
        try (Connection connection = store.getConnection()) {
            connection.createStatement().executeUpdate(
                    "UPDATE readiness_watch SET next_check_at = now() - interval '1 hour' WHERE data_source_id = '" + oldest + "'");
        }
        List<WatchStore.Claim> claims = WatchStore.claimDue(store, "one", 3, LONG, ALIVE, LONG);
        assertThat(claims).hasSize(3);
        assertThat(claims).extracting(WatchStore.Claim::dataSourceId).contains(oldest);
    }

    @Test
    void splitsTheDueSourcesBetweenTheInstancesThatAnnouncedThemselves() throws Exception {
        WatchStore.announce(store, "left");
        WatchStore.announce(store, "right");
        Set<UUID> left = ids(WatchStore.claimDue(store, "left", 100, LONG, ALIVE, LONG));
        Set<UUID> right = ids(WatchStore.claimDue(store, "right", 100, LONG, ALIVE, LONG));
        assertThat(left).doesNotContainAnyElementsOf(right);
        assertThat(left.size() + right.size()).isEqualTo(sources.size());
        assertThat(left).as("the left instance's share").hasSizeGreaterThan(sources.size() / 5);
        assertThat(right).as("the right instance's share").hasSizeGreaterThan(sources.size() / 5);
    }

    @Test
    void letsAnyInstanceTakeAShareThatIsOverdue() throws Exception {
        WatchStore.announce(store, "left");
        WatchStore.announce(store, "right");
        try (Connection connection = store.getConnection()) {
            connection.createStatement().executeUpdate(
                    "UPDATE readiness_watch SET next_check_at = now() - interval '1 minute' WHERE next_check_at <= now()");
        }
        assertThat(WatchStore.claimDue(store, "left", 100, LONG, ALIVE, Duration.ofSeconds(2))).hasSize(sources.size());
    }

    @Test
    void takesTheWholeShareOnceTheOtherInstanceIsNoLongerSeen() throws Exception {
        WatchStore.announce(store, "left");
        WatchStore.announce(store, "right");
        try (Connection connection = store.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE instance_presence SET seen_at = now() - interval '1 minute' WHERE owner = 'right' AND work = 'WATCH'");
        }
        assertThat(WatchStore.claimDue(store, "left", 100, LONG, ALIVE, LONG)).hasSize(sources.size());
    }

    private static Set<UUID> ids(List<WatchStore.Claim> claims) {
        Set<UUID> ids = new HashSet<>();
        claims.forEach(claim -> ids.add(claim.dataSourceId()));
        return ids;
    }
}
