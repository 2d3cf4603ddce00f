package io.dsm.heartbeat;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.common.lease.InstanceIdentity;
import io.dsm.config.DsmConfig;
import io.dsm.connection.service.AddressPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the heartbeat tables of the data sources this instance owns updated: every interval, one
 * tick renews and claims leases, starts and stops beaters to match, and saves their statuses.
 * Threads: one for the tick and DSM_HEARTBEAT_THREADS for beats, whatever the number of data
 * sources. Connections: one to the store per tick, and at most DSM_HEARTBEAT_MAX_CONNECTIONS to
 * targets, shared by data sources with the same server, database and user.
 */
@Singleton
public class HeartbeatScheduler {

    private static final Logger LOG = Logger.getLogger(HeartbeatScheduler.class);

    private final HeartbeatSettings settings;
    private final Leases leases;
    private final HeartbeatTargets targets;
    private final TargetConnections connections;
    private final BeatStatuses statuses;
    private final Beaters beaters;
    private final ScheduledThreadPoolExecutor ticker;

    public HeartbeatScheduler(DsmConfig config, AgroalDataSource store, HeartbeatTargets targets, AddressPolicy policy,
            MeterRegistry meterRegistry, InstanceIdentity instance, BackgroundThreads threads) {
        this.ticker = threads.scheduled("dsm-heartbeat-lease", 1);
        this.settings = HeartbeatSettings.of(config);
        this.leases = new Leases(store, instance.name(), settings.leaseTtl(), settings.leaseReliance());
        this.targets = targets;
        this.connections = new TargetConnections(settings.maxConnections(), settings.connectTimeoutSeconds());
        this.statuses = new BeatStatuses(leases);
        HeartbeatMeters meters = new HeartbeatMeters(meterRegistry, connections);
        this.beaters = new Beaters(threads.scheduled("dsm-heartbeat", settings.threads()), new BeatContext(leases, policy, connections, meters, settings.interval(),
                this::statusChanged));
        meters.watch(beaters);
    }

    /** This instance made the change: act on it now rather than at the next tick (others see it at theirs). */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) HeartbeatChanged change) {
        if (!ticker.isShutdown()) {
            ticker.execute(this::tick);
        }
    }

    void onStart(@Observes StartupEvent event) {
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Heartbeat writer %s started: every %s, %d threads", leases.owner(), settings.interval(), settings.threads());
    }

    void onStop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
        beaters.shutdown();
        try {
            statuses.save();
            leases.releaseAll();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat leases could not be released (they expire by themselves): %s", e.getMessage());
        }
        connections.close();
    }

    /** Renews and claims leases, starts and stops beaters to match, and saves statuses. */
    void tick() {
        Set<UUID> owned;
        try {
            owned = leases.renewAndClaim();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat leases could not be renewed; beats pause until the store answers: %s", e.getMessage());
            return;
        }
        try {
            beaters.keepOnly(owned).forEach(statuses::forget);
            Map<UUID, HeartbeatTarget> current = targets.load(owned);
            current.values().forEach(beaters::follow);
            statuses.save();
            connections.closeIdle(settings.leaseTtl().toNanos());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat bookkeeping failed; retrying next interval: %s", e.getMessage());
        }
    }

    private void statusChanged(BeatStatus status) {
        if (beaters.running(status.dataSourceId()) && statuses.record(status)) {
            // A new state is worth showing at once; a new beat time can wait for the tick.
            ticker.execute(this::saveStatusesQuietly);
        }
    }

    private void saveStatusesQuietly() {
        try {
            statuses.save();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Heartbeat statuses will be saved at the next tick: %s", e.getMessage());
        }
    }
}
