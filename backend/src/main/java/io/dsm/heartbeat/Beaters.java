package io.dsm.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;


/** The beaters of the data sources this instance owns, on one pool of DSM_HEARTBEAT_THREADS, whatever their number. */
final class Beaters {

    private final ScheduledThreadPoolExecutor pool;
    private final Beater.Context context;
    private final Map<UUID, Beater> running = new ConcurrentHashMap<>();
    private final Map<UUID, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();

    /** @param pool DSM_HEARTBEAT_THREADS threads, which cancel removes a beater's schedule from */
    Beaters(ScheduledThreadPoolExecutor pool, Beater.Context context) {
        this.pool = pool;
        this.context = context;
    }

    int size() {
        return running.size();
    }

    boolean running(UUID dataSourceId) {
        return running.containsKey(dataSourceId);
    }

    /** Stops the beaters of data sources no longer owned; returns their ids. */
    Set<UUID> keepOnly(Set<UUID> owned) {
        Set<UUID> stopped = running.keySet().stream().filter(id -> !owned.contains(id)).collect(Collectors.toSet());
        stopped.forEach(this::stop);
        return stopped;
    }

    /** Starts a beater for a newly owned data source, or points a running one at the data source's latest version. */
    void follow(HeartbeatTarget target) {
        Beater beater = running.get(target.dataSourceId());
        if (beater == null) {
            start(target);
        } else if (beater.target().version() != target.version()) {
            beater.retarget(target);
        }
    }

    void shutdown() {
        pool.shutdownNow();
    }

    double oldestBeatAgeSeconds() {
        Instant now = Instant.now();
        return running.values().stream().flatMap(b -> b.lastBeatAt().stream())
                .mapToDouble(at -> Duration.between(at, now).toMillis() / 1000.0).max().orElse(0);
    }

    private void start(HeartbeatTarget target) {
        Beater beater = new Beater(target, context);
        running.put(target.dataSourceId(), beater);
        schedules.put(target.dataSourceId(), pool.scheduleAtFixedRate(beater, beater.firstBeatOffsetMillis(),
                context.interval().toMillis(), TimeUnit.MILLISECONDS));
    }

    private void stop(UUID id) {
        ScheduledFuture<?> schedule = schedules.remove(id);
        if (schedule != null) {
            schedule.cancel(false);
        }
        running.remove(id);
    }
}
