package io.dsm.watch.service;

import java.util.ArrayList;
import java.util.List;
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
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

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
    private final MultiGauge states;
    private final MultiGauge accepted;
    private final MultiGauge retained;
    private final MultiGauge active;
    private final MultiGauge walStatus;

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
        states = MultiGauge.builder("dsm.watch.readiness.state")
                .description("1 for the data source's readiness state, 0 for the others").register(meters);
        accepted = MultiGauge.builder("dsm.watch.accepted.findings")
                .description("Blockers and warnings of the data source's last check that an acceptance covers (not in its state)")
                .register(meters);
        retained = MultiGauge.builder("dsm.watch.slot.retained.wal").baseUnit("bytes")
                .description("WAL a replication slot of the source's database holds on the server's disk").register(meters);
        active = MultiGauge.builder("dsm.watch.slot.active").description("1 when the slot has a consumer connected, else 0")
                .register(meters);
        walStatus = MultiGauge.builder("dsm.watch.slot.wal.status")
                .description("1 for the slot's wal_status (reserved, extended, unreserved, lost)").register(meters);
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
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> acceptedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> retainedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> activeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        for (WatchStore.Exported row : rows) {
            String source = row.identifier() == null ? row.dataSourceId().toString() : row.identifier();
            for (SourceReadinessState state : SourceReadinessState.values()) {
                stateRows.add(MultiGauge.Row.of(Tags.of("datasource", source, "state", state.name()), state == row.state() ? 1 : 0));
            }
            acceptedRows.add(MultiGauge.Row.of(Tags.of("datasource", source), row.accepted()));
            for (SlotUsage slot : slots(row.slots(), json)) {
                Tags tags = Tags.of("datasource", source, "slot", slot.name());
                if (slot.retainedBytes() >= 0) {
                    retainedRows.add(MultiGauge.Row.of(tags, slot.retainedBytes()));
                }
                activeRows.add(MultiGauge.Row.of(tags, slot.active() ? 1 : 0));
                if (slot.walStatus() != null) {
                    statusRows.add(MultiGauge.Row.of(tags.and("wal_status", slot.walStatus()), 1));
                }
            }
        }
        states.register(stateRows, true);
        accepted.register(acceptedRows, true);
        retained.register(retainedRows, true);
        active.register(activeRows, true);
        walStatus.register(statusRows, true);
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
