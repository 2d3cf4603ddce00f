package io.dsm.heartbeat;

import java.time.Instant;
import java.util.UUID;

import io.dsm.datasource.HeartbeatState;

/** What the writer knows of one data source's heartbeat, as stored for the API. */
record BeatStatus(UUID dataSourceId, HeartbeatState state, Instant lastBeatAt, String lastError,
        int consecutiveFailures, String warning) {
}
