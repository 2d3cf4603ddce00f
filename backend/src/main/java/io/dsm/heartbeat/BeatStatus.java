package io.dsm.heartbeat;

import java.time.Instant;
import java.util.UUID;

import io.dsm.common.i18n.Text;
import io.dsm.datasource.HeartbeatState;

/** What the writer knows of one data source's heartbeat, as stored for the API: its sentences wait for the reader's language. */
record BeatStatus(UUID dataSourceId, HeartbeatState state, Instant lastBeatAt, Text lastError,
        int consecutiveFailures, Text warning) {
}
