package io.dsm.datasource.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.datasource.HeartbeatState;

@Schema(name = "HeartbeatStatus", description = "What the heartbeat writer last did for this data source.")
public record HeartbeatStatus(
        HeartbeatState state,
        @Schema(nullable = true, description = "When the last heartbeat was written.")
        Instant lastBeatAt,
        @Schema(nullable = true, description = "Why the last heartbeat failed, in words a person understands.")
        String lastError) {

    public static final HeartbeatStatus DISABLED = new HeartbeatStatus(HeartbeatState.DISABLED, null, null);
}
