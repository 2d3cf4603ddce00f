package io.dsm.connection;

import io.dsm.common.i18n.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.ReadinessCheck;

@Schema(name = "PassedReadinessCheck", description = "A readiness check that ran on one endpoint and found nothing to report.")
public record PassedReadinessCheck(
        ReadinessCheck check,
        CheckTarget target,
        @Schema(implementation = String.class, description = "What it saw.", examples = "wal_level is logical.")
        Text message) {
}
