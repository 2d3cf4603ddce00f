package io.dsm.connection;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReadinessReport", description = """
        Whether the source is ready for full migration and for incremental sync: a verdict per scope, then what the \
        readiness checks found (blockers first) and what they checked and passed. Findings never change `success`.""")
public record ReadinessReport(
        @Schema(description = "One verdict per scope: FULL_MIGRATION, then INCREMENTAL_SYNC.")
        List<ReadinessVerdict> verdicts,
        @Schema(description = "What the checks found, blockers first, then warnings, then information.")
        List<ReadinessFinding> findings,
        @Schema(description = "The checks that ran and found nothing to report, with what they saw.")
        List<PassedReadinessCheck> passed) {
}
