package io.dsm.heartbeat;

import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.concurrent.DaemonThreads;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.connection.service.AddressPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the heartbeat tables of the data sources this instance owns updated. Threads: one for
 * the lease tick and DSM_HEARTBEAT_THREADS for beats, whatever the number of data sources.
 * Connections: one to the store per tick, and at most DSM_HEARTBEAT_MAX_CONNECTIONS to targets,
 * shared by data sources with the same server, database and user.
 */
@Singleton
public class HeartbeatScheduler implements Beater.Context {

    private static final Logger LOG = Logger.getLogger(HeartbeatScheduler.class);
    /** A lease outlives three missed renewals; a dead instance's sources move within a few intervals. */
    static final int LEASE_INTERVALS = 3;

    private final Duration interval;
    private final Leases leases;
    private final HeartbeatTargets targets;
    private final AddressPolicy policy;
    private final TargetConnections connections;
    private final ScheduledThreadPoolExecutor beats;
    private final ScheduledThreadPoolExecutor ticker;
    private final Map<UUID, Beater> beaters = new ConcurrentHashMap<>();
    private final Map<UUID, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
    private final Map<UUID, BeatStatus> changed = new ConcurrentHashMap<>();
    private final Map<UUID, BeatStatus> lastSaved = new ConcurrentHashMap<>();
    private final Counter written;
    private final Counter failed;
    private final DistributionSummary lateness;
    private volatile long leaseValidUntilNanos;

    public HeartbeatScheduler(DsmConfig config, AgroalDataSource store, HeartbeatTargets targets, AddressPolicy policy,
            MeterRegistry meters) {
        this.interval = config.heartbeat().interval();
        if (interval.toMillis() < 100 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new StartupFailure("DSM_HEARTBEAT_INTERVAL must be between 100ms and 1h; it is " + interval);
        }
        if (config.heartbeat().threads() < 1 || config.heartbeat().maxConnections() < 1) {
            throw new StartupFailure("DSM_HEARTBEAT_THREADS and DSM_HEARTBEAT_MAX_CONNECTIONS must be at least 1");
        }
        String owner = instanceName();
        this.leases = new Leases(store, owner, interval.multipliedBy(LEASE_INTERVALS));
        this.targets = targets;
        this.policy = policy;
        int timeoutSeconds = (int) Math.max(1, Math.min(10, interval.toSeconds()));
        this.connections = new TargetConnections(config.heartbeat().maxConnections(), timeoutSeconds);
        this.beats = new ScheduledThreadPoolExecutor(config.heartbeat().threads(), DaemonThreads.named("dsm-heartbeat"));
        this.beats.setRemoveOnCancelPolicy(true);
        this.ticker = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("dsm-heartbeat-lease"));
        this.written = meters.counter("dsm.heartbeat.beats");
        this.failed = meters.counter("dsm.heartbeat.failures");
        this.lateness = DistributionSummary.builder("dsm.heartbeat.lateness").baseUnit("milliseconds")
                .description("How late each beat started after its schedule").publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("dsm.heartbeat.oldest.beat.age", this, HeartbeatScheduler::oldestBeatAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest last beat among the data sources this instance beats").register(meters);
        Gauge.builder("dsm.heartbeat.owned", beaters, Map::size).register(meters);
        Gauge.builder("dsm.heartbeat.target.connections", connections, TargetConnections::size).register(meters);
    }

    /** This instance made the change: act on it now rather than at the next tick (others see it at theirs). */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) HeartbeatChanged change) {
        if (!ticker.isShutdown()) {
            ticker.execute(this::tick);
        }
    }

    void onStart(@Observes StartupEvent event) {
        ticker.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Heartbeat writer %s started: every %s, %d threads", leases.owner(), interval, beats.getCorePoolSize());
    }

    void onStop(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
        beats.shutdownNow();
        try {
            flushStatuses();
            leases.releaseAll();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat leases could not be released (they expire by themselves): %s", e.getMessage());
        }
        connections.close();
    }

    /** Renews and claims leases, starts and stops beaters to match, and saves statuses. */
    void tick() {
        long started = System.nanoTime();
        Set<UUID> owned;
        try {
            owned = leases.renewAndClaim();
            leaseValidUntilNanos = started + interval.multipliedBy(LEASE_INTERVALS - 1).toNanos();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat leases could not be renewed; beats pause until the store answers: %s", e.getMessage());
            return;
        }
        try {
            beaters.keySet().stream().filter(id -> !owned.contains(id)).toList().forEach(this::stopBeating);
            Map<UUID, HeartbeatTarget> current = targets.load(owned);
            current.forEach((id, target) -> {
                Beater beater = beaters.get(id);
                if (beater == null) {
                    startBeating(target);
                } else if (beater.target().version() != target.version()) {
                    beater.retarget(target);
                }
            });
            flushStatuses();
            connections.closeIdle(interval.multipliedBy(LEASE_INTERVALS).toNanos());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Heartbeat bookkeeping failed; retrying next interval: %s", e.getMessage());
        }
    }

    private void startBeating(HeartbeatTarget target) {
        // Spread first beats over the interval, so 1,000 data sources do not all beat at once.
        long offset = Math.floorMod(target.dataSourceId().hashCode(), interval.toMillis());
        long firstRun = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offset);
        Beater beater = new Beater(target, this, firstRun);
        beaters.put(target.dataSourceId(), beater);
        schedules.put(target.dataSourceId(),
                beats.scheduleAtFixedRate(beater, offset, interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void stopBeating(UUID id) {
        ScheduledFuture<?> schedule = schedules.remove(id);
        if (schedule != null) {
            schedule.cancel(false);
        }
        beaters.remove(id);
        changed.remove(id);
        lastSaved.remove(id);
    }

    private void flushStatuses() throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, BeatStatus> batch = Map.copyOf(changed);
        leases.saveStatuses(batch.values());
        batch.forEach(changed::remove);
        lastSaved.putAll(batch);
    }

    private double oldestBeatAgeSeconds() {
        Instant now = Instant.now();
        return beaters.values().stream().flatMap(b -> b.lastBeatAt().stream())
                .mapToDouble(at -> Duration.between(at, now).toMillis() / 1000.0).max().orElse(0);
    }

    @Override
    public boolean leaseValid() {
        return System.nanoTime() - leaseValidUntilNanos < 0;
    }

    @Override
    public boolean stillOwned(UUID dataSourceId) {
        try {
            return leases.holds(dataSourceId);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public AddressPolicy policy() {
        return policy;
    }

    @Override
    public TargetConnections connections() {
        return connections;
    }

    @Override
    public String applicationName() {
        return "dsm heartbeat " + leases.owner();
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void beatWritten(long latenessMillis) {
        written.increment();
        lateness.record(latenessMillis);
    }

    @Override
    public void beatFailed() {
        failed.increment();
    }

    @Override
    public void statusChanged(BeatStatus status) {
        if (!beaters.containsKey(status.dataSourceId())) {
            return;
        }
        BeatStatus previous = changed.put(status.dataSourceId(), status);
        BeatStatus shown = previous != null ? previous : lastSaved.get(status.dataSourceId());
        if (shown == null || shown.state() != status.state()) {
            // A new state is worth showing at once; a new beat time can wait for the tick.
            ticker.execute(this::flushQuietly);
        }
    }

    private void flushQuietly() {
        try {
            flushStatuses();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Heartbeat statuses will be saved at the next tick: %s", e.getMessage());
        }
    }

    /** Host name and a random suffix: readable in the store and in pg_stat_activity, unique per process. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "dsm";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }
}
