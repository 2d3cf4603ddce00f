package io.dsm.connection;

import io.dsm.common.i18n.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.ReadinessState;

@Schema(name = "ReadinessVerdict", description = "The verdict for one scope.")
public record ReadinessVerdict(
        ReadinessScope scope,
        ReadinessState state,
        @Schema(description = "Blocker findings that concern this scope.", examples = "2")
        long blockers,
        @Schema(description = "Warning findings that concern this scope.", examples = "1")
        long warnings,
        @Schema(implementation = String.class, description = "The verdict in words.", examples = "Incremental sync: 2 blockers, 1 warning")
        Text summary) {
}
