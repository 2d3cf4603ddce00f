package io.dsm.watch.service;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.lease.InstanceIdentity;
import io.agroal.api.AgroalDataSource;
import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.common.problem.ProblemException;
import io.dsm.config.DsmConfig;
import io.dsm.connection.service.SourceCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Re-checks every data source every DSM_WATCH_INTERVAL. One thread looks for due checks and claims
 * as many as there are free checker threads (DSM_WATCH_THREADS), so checks never queue up in memory:
 * what is not claimed stays due in the store, where any instance may take it. Each check is bounded by
 * DSM_TEST_TIMEOUT, so a hanging source holds a thread no longer than that. While the store is
 * unreachable nothing is claimed; the watch resumes by itself when it answers.
 */
@Singleton
public class ReadinessWatchScheduler {

    static final String ACTOR = "readiness-watch";
    private static final Logger LOG = Logger.getLogger(ReadinessWatchScheduler.class);
    private static final Duration EXPORT_EVERY = Duration.ofSeconds(15);

    private final WatchSettings settings;
    private final AgroalDataSource store;
    private final SourceCheck checks;
    private final CheckResults results;
    private final String owner;
    private final ObjectMapper json;
    private final WatchMeters meters;
    private final ScheduledThreadPoolExecutor poller;
    private final ExecutorService checkers;
    private volatile boolean paused;
    private volatile long exportedAtNanos = System.nanoTime() - EXPORT_EVERY.toNanos();
    private volatile long announcedAtNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    public ReadinessWatchScheduler(DsmConfig config, AgroalDataSource store, SourceCheck checks, CheckResults results,
            InstanceIdentity instance, ObjectMapper json, MeterRegistry meterRegistry, BackgroundThreads threads) {
        this.settings = WatchSettings.of(config);
        this.store = store;
        this.checks = checks;
        this.results = results;
        this.owner = instance.name();
        this.json = json;
        this.meters = new WatchMeters(meterRegistry, settings.threads());
        this.poller = threads.scheduled("dsm-watch-poll", 1);
        this.checkers = threads.fixed("dsm-watch-check", settings.threads());
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            LOG.info("Readiness watch is off on this instance (DSM_WATCH_ENABLED=false)");
            return;
        }
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Readiness watch %s started: every source every %s, %d checks at once", owner, settings.interval(),
                settings.threads());
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        checkers.shutdownNow();
        try {
            WatchStore.releaseAll(store, owner);
            WatchStore.leave(store, owner);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Readiness watch claims could not be released (they expire by themselves): %s", e.getMessage());
        }
    }

    /**
     * Claims due checks for the free threads and starts them; exports the store's view every few
     * seconds. Runs every poll interval, and again whenever a check ends, so that a thread that frees
     * up takes the next due check at once rather than at the next poll.
     */
    void poll() {
        try {
            if (System.nanoTime() - announcedAtNanos >= settings.pollEvery().toNanos()) {
                WatchStore.announce(store, owner);
                announcedAtNanos = System.nanoTime();
            }
            int free = settings.threads() - meters.running().get();
            if (free > 0) {
                List<WatchStore.Claim> claims = WatchStore.claimDue(store, owner, free, settings.claimTtl(),
                        settings.instanceAlive(), settings.handoverAfter());
                for (WatchStore.Claim claim : claims) {
                    meters.running().incrementAndGet();
                    checkers.execute(() -> check(claim));
                }
            }
            if (System.nanoTime() - exportedAtNanos >= EXPORT_EVERY.toNanos()) {
                exportedAtNanos = System.nanoTime();
                meters.export(WatchStore.exported(store), WatchStore.backlog(store), json);
            }
            if (paused) {
                paused = false;
                LOG.info("Readiness watch resumed: the store answers again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!paused) {
                paused = true;
                LOG.warnf("Readiness watch paused until the store answers: %s", e.getMessage());
            }
        }
    }

    private void check(WatchStore.Claim claim) {
        Instant startedAt = Instant.now();
        meters.started(Duration.between(claim.dueAt(), startedAt).toMillis());
        try {
            SourceCheck.Checked checked = checks.inBackground(claim.dataSourceId());
            results.store(claim.dataSourceId(), owner, checked, startedAt, ACTOR)
                    .ifPresent(stored -> meters.checked(stored.now().state()));
        } catch (ProblemException gone) {
            // The data source was deleted while its check was due; its row went with it.
            LOG.debugf("Readiness check of %s skipped: %s", claim.dataSourceId(), gone.getMessage());
        } catch (RuntimeException e) {
            meters.failed();
            LOG.warnf("Readiness check of %s could not be stored; it is tried again when its claim expires: %s",
                    claim.dataSourceId(), e.getMessage());
        } finally {
            meters.running().decrementAndGet();
            try {
                poller.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // The instance is stopping: nothing more to claim.
            }
        }
    }
}
