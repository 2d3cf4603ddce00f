package io.dsm.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The heartbeat writer's metrics: beats written and failed, their lateness, and what this instance holds. */
final class HeartbeatMeters {

    private final Counter written;
    private final Counter failed;
    private final DistributionSummary lateness;

    private final MeterRegistry meters;

    HeartbeatMeters(MeterRegistry meters, TargetConnections connections) {
        this.meters = meters;
        written = meters.counter("dsm.heartbeat.beats");
        failed = meters.counter("dsm.heartbeat.failures");
        lateness = DistributionSummary.builder("dsm.heartbeat.lateness").baseUnit("milliseconds")
                .description("How late each beat started after its schedule").publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("dsm.heartbeat.target.connections", connections, TargetConnections::size).register(meters);
    }

    /** Gauges of what this instance beats. */
    void watch(Beaters beaters) {
        Gauge.builder("dsm.heartbeat.oldest.beat.age", beaters, Beaters::oldestBeatAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest last beat among the data sources this instance beats").register(meters);
        Gauge.builder("dsm.heartbeat.owned", beaters, Beaters::size).register(meters);
    }

    void beatWritten(long latenessMillis) {
        written.increment();
        lateness.record(latenessMillis);
    }

    void beatFailed() {
        failed.increment();
    }
}
