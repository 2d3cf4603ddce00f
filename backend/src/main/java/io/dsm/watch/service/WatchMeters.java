package io.dsm.watch.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.service.SlotUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * The watch's metrics. What this instance does (checks, their lateness, threads busy) is its own;
 * each source's state and slots are read from the store, so every instance exports all sources the
 * same way, whichever instance checked them last.
 */
final class WatchMeters {

    private static final TypeReference<List<SlotUsage>> SLOTS = new TypeReference<>() {
    };

    private final MeterRegistry meters;
    private final DistributionSummary lateness;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong backlog = new AtomicLong();
    private final SourceGauges gauges;

    WatchMeters(MeterRegistry meters, int threads) {
        this.meters = meters;
        lateness = DistributionSummary.builder("dsm.watch.lateness").baseUnit("milliseconds")
                .description("How late each readiness check started after it was due").publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("dsm.watch.checks.running", running, AtomicInteger::get)
                .description("Readiness checks running on this instance now").register(meters);
        Gauge.builder("dsm.watch.threads", () -> threads).description("DSM_WATCH_THREADS: checks this instance runs at once")
                .register(meters);
        Gauge.builder("dsm.watch.backlog", backlog, AtomicLong::get)
                .description("Checks due now that no instance has started").register(meters);
        gauges = new SourceGauges();
        prometheus(meters).ifPresent(registry -> registry.getPrometheusRegistry().register(gauges));
    }

    AtomicInteger running() {
        return running;
    }

    void started(long latenessMillis) {
        lateness.record(Math.max(0, latenessMillis));
    }

    void checked(SourceReadinessState state) {
        Counter.builder("dsm.watch.checks").tag("state", state.name()).description("Readiness checks stored, by resulting state")
                .register(meters).increment();
    }

    void failed() {
        meters.counter("dsm.watch.checks.failed").increment();
    }

    /** Replaces the per-source gauges with what the store holds now. */
    void export(List<WatchStore.Exported> rows, long due, ObjectMapper json) {
        backlog.set(due);
        List<SourceGauges.Source> sources = new ArrayList<>(rows.size());
        for (WatchStore.Exported row : rows) {
            String source = row.identifier() == null ? row.dataSourceId().toString() : row.identifier();
            sources.add(new SourceGauges.Source(source, row.state(), row.accepted(), slots(row.slots(), json)));
        }
        gauges.replace(sources);
    }

    /** The Prometheus registry among the application's, if metrics are exported to Prometheus at all. */
    private static Optional<PrometheusMeterRegistry> prometheus(MeterRegistry meters) {
        if (meters instanceof PrometheusMeterRegistry registry) {
            return Optional.of(registry);
        }
        if (meters instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream().map(WatchMeters::prometheus).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static List<SlotUsage> slots(String stored, ObjectMapper json) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, SLOTS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
