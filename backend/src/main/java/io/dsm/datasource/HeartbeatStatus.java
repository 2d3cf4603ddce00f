package io.dsm.datasource;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.i18n.Text;

@Schema(name = "HeartbeatStatus", description = "What the heartbeat writer last did for this data source.")
public record HeartbeatStatus(
        HeartbeatState state,
        @Schema(nullable = true, description = "When the last heartbeat was written.")
        Instant lastBeatAt,
        @Schema(implementation = String.class, nullable = true, description = "Why the last heartbeat failed, in words a person "
                + "understands, in the request's language.")
        Text lastError,
        @Schema(description = "Failed beats since the last one that was written.", examples = "0")
        int consecutiveFailures,
        @Schema(nullable = true, description = "Something that keeps beats from doing their job although they are written, "
                + "for example a publication that does not include the heartbeat table; in the request's language.",
                implementation = String.class)
        Text warning) {

    public static final HeartbeatStatus DISABLED = new HeartbeatStatus(HeartbeatState.DISABLED, null, null, 0, null);
    public static final HeartbeatStatus PENDING = new HeartbeatStatus(HeartbeatState.PENDING, null, null, 0, null);
}
