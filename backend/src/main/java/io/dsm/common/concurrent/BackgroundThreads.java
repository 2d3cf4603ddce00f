package io.dsm.common.concurrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The owner of every pool of dsm's background work (heartbeat, readiness watch, webhook, provisioning,
 * connection tests): each pool is named, its threads are daemons with the pool's name, its size is
 * bounded where the work allows, and it is visible in one metric family,
 * {@code dsm_background_threads{pool, state="active"|"idle"}} and {@code dsm_background_queued_tasks{pool}}.
 * Each user still stops its own pools first where it must do something after (release its leases); at
 * shutdown this owner then stops whatever is left: the scheduled pools first, whose pollers and tickers
 * hand work to the others, so that nothing is handed to a pool already stopped.
 */
@Singleton
public class BackgroundThreads {

    /** After every other shutdown observer, which may still use their pools. */
    private static final int LAST = Integer.MAX_VALUE - 100;

    private final MeterRegistry registry;
    private final List<ThreadPoolExecutor> pools = Collections.synchronizedList(new ArrayList<>());

    public BackgroundThreads(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A pool of {@code threads} for periodic and delayed work. */
    public ScheduledThreadPoolExecutor scheduled(String name, int threads) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, DaemonThreads.named(name));
        pool.setRemoveOnCancelPolicy(true);
        return register(name, pool);
    }

    /** A pool of {@code threads} whose work waits in a queue when they are all busy. */
    public ThreadPoolExecutor fixed(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                DaemonThreads.named(name));
        pool.allowCoreThreadTimeOut(true);
        return register(name, pool);
    }

    /**
     * A pool that starts a thread per task and keeps idle ones a minute: for work whose concurrency is
     * bounded by its caller (connection tests hold a permit of DSM_TEST_CONCURRENCY each).
     */
    public ThreadPoolExecutor elastic(String name) {
        return register(name, new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                DaemonThreads.named(name)));
    }

    private <P extends ThreadPoolExecutor> P register(String name, P pool) {
        Gauge.builder("dsm.background.threads", pool, ThreadPoolExecutor::getActiveCount).tags("pool", name, "state", "active")
                .description("Threads of dsm's background pools").register(registry);
        Gauge.builder("dsm.background.threads", pool, p -> p.getPoolSize() - p.getActiveCount()).tags("pool", name, "state", "idle")
                .description("Threads of dsm's background pools").register(registry);
        Gauge.builder("dsm.background.queued.tasks", pool, p -> p.getQueue().size()).tags("pool", name)
                .description("Tasks waiting for a thread of dsm's background pools").register(registry);
        pools.add(pool);
        return pool;
    }

    void onStop(@Observes @Priority(LAST) ShutdownEvent event) {
        List<ThreadPoolExecutor> all;
        synchronized (pools) {
            all = new ArrayList<>(pools);
        }
        all.stream().filter(ScheduledThreadPoolExecutor.class::isInstance).forEach(ExecutorService::shutdownNow);
        all.forEach(ExecutorService::shutdownNow);
    }
}
