package io.dsm.heartbeat;

import java.time.Duration;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;

/** The heartbeat settings, checked at startup: a value out of range stops the start and names its variable. */
record HeartbeatSettings(Duration interval, int threads, int maxConnections) {

    /** A lease outlives three missed renewals; a dead instance's sources move within a few intervals. */
    static final int LEASE_INTERVALS = 3;

    static HeartbeatSettings of(DsmConfig config) {
        Duration interval = config.heartbeat().interval();
        if (interval.toMillis() < 100 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new StartupFailure("DSM_HEARTBEAT_INTERVAL must be between 100ms and 1h; it is " + interval);
        }
        if (config.heartbeat().threads() < 1 || config.heartbeat().maxConnections() < 1) {
            throw new StartupFailure("DSM_HEARTBEAT_THREADS and DSM_HEARTBEAT_MAX_CONNECTIONS must be at least 1");
        }
        return new HeartbeatSettings(interval, config.heartbeat().threads(), config.heartbeat().maxConnections());
    }

    Duration leaseTtl() {
        return interval.multipliedBy(LEASE_INTERVALS);
    }

    /** How long a lease may be relied on after its renewal: a beat must not outlive it. */
    Duration leaseReliance() {
        return interval.multipliedBy(LEASE_INTERVALS - 1);
    }

    /** A connection to a target may take at most an interval, between 1 and 10 seconds. */
    int connectTimeoutSeconds() {
        return (int) Math.max(1, Math.min(10, interval.toSeconds()));
    }
}
