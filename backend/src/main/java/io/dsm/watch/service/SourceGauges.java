package io.dsm.watch.service;

import java.util.ArrayList;
import java.util.List;

import io.dsm.datasource.SourceReadinessState;
import io.dsm.readiness.service.SlotUsage;
import io.prometheus.client.Collector;

/**
 * The per-source gauges of the watch (state, accepted findings, slots), written out when Prometheus scrapes.
 * One Micrometer gauge per source and state cost about 60 MB of heap at 10,000 sources and were all
 * registered again on every export; these hold one snapshot of the store's rows instead, replaced as a whole.
 */
final class SourceGauges extends Collector {

    /** What one source exports: its state, the findings acceptances cover, and the slots of its database. */
    record Source(String name, SourceReadinessState state, int accepted, List<SlotUsage> slots) {
    }

    private static final List<String> SOURCE = List.of("datasource");
    private static final List<String> SOURCE_STATE = List.of("datasource", "state");
    private static final List<String> SOURCE_SLOT = List.of("datasource", "slot");
    private static final List<String> SOURCE_SLOT_STATUS = List.of("datasource", "slot", "wal_status");

    private volatile List<Source> sources = List.of();

    void replace(List<Source> latest) {
        sources = List.copyOf(latest);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<Source> now = sources;
        List<MetricFamilySamples.Sample> states = new ArrayList<>(now.size() * SourceReadinessState.values().length);
        List<MetricFamilySamples.Sample> accepted = new ArrayList<>(now.size());
        List<MetricFamilySamples.Sample> retained = new ArrayList<>();
        List<MetricFamilySamples.Sample> active = new ArrayList<>();
        List<MetricFamilySamples.Sample> walStatus = new ArrayList<>();
        for (Source source : now) {
            for (SourceReadinessState state : SourceReadinessState.values()) {
                states.add(sample("dsm_watch_readiness_state", SOURCE_STATE, List.of(source.name(), state.name()),
                        state == source.state() ? 1 : 0));
            }
            accepted.add(sample("dsm_watch_accepted_findings", SOURCE, List.of(source.name()), source.accepted()));
            for (SlotUsage slot : source.slots()) {
                List<String> labels = List.of(source.name(), slot.name());
                if (slot.retainedBytes() >= 0) {
                    retained.add(sample("dsm_watch_slot_retained_wal_bytes", SOURCE_SLOT, labels, slot.retainedBytes()));
                }
                active.add(sample("dsm_watch_slot_active", SOURCE_SLOT, labels, slot.active() ? 1 : 0));
                if (slot.walStatus() != null) {
                    walStatus.add(sample("dsm_watch_slot_wal_status", SOURCE_SLOT_STATUS,
                            List.of(source.name(), slot.name(), slot.walStatus()), 1));
                }
            }
        }
        return List.of(
                family("dsm_watch_readiness_state", "1 for the data source's readiness state, 0 for the others", states),
                family("dsm_watch_accepted_findings",
                        "Blockers and warnings of the data source's last check that an acceptance covers (not in its state)",
                        accepted),
                family("dsm_watch_slot_retained_wal_bytes",
                        "WAL a replication slot of the source's database holds on the server's disk", retained),
                family("dsm_watch_slot_active", "1 when the slot has a consumer connected, else 0", active),
                family("dsm_watch_slot_wal_status", "1 for the slot's wal_status (reserved, extended, unreserved, lost)",
                        walStatus));
    }

    private static MetricFamilySamples.Sample sample(String name, List<String> labels, List<String> values, double value) {
        return new MetricFamilySamples.Sample(name, labels, values, value);
    }

    private static MetricFamilySamples family(String name, String help, List<MetricFamilySamples.Sample> samples) {
        return new MetricFamilySamples(name, Type.GAUGE, help, samples);
    }
}
