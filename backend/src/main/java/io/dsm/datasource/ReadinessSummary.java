package io.dsm.datasource;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


@Schema(name = "ReadinessSummary", description = "The readiness watch's last verdict on a data source, for lists and badges.")
public record ReadinessSummary(
        SourceReadinessState state,
        @Schema(nullable = true, description = "When the last check finished; null when it was never checked.",
                examples = "2026-11-24T08:15:30.123456Z")
        Instant checkedAt,
        @Schema(description = "Blockers the last check found, failed connection checks included.", examples = "0")
        int blockers,
        @Schema(description = "Warnings the last check found.", examples = "1")
        int warnings,
        @Schema(description = "Blockers and warnings of the last check that an acceptance covers: they are in its report, not "
                + "in the state, blockers or warnings.", examples = "1")
        int accepted) {

    public static final ReadinessSummary UNKNOWN = new ReadinessSummary(SourceReadinessState.UNKNOWN, null, 0, 0, 0);
}
