package io.dsm.readiness.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.i18n.Text;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;

@Schema(name = "ReadinessCheckDescription", description = "One check of the readiness catalogue.")
public record ReadinessCheckDescription(
        ReadinessCheck id,
        @Schema(implementation = String.class, description = "Its title, in the request's language.",
                examples = "Every table has a replica identity")
        Text title,
        @Schema(description = "The scopes its findings can concern.")
        List<ReadinessScope> scopes,
        @Schema(implementation = String.class, description = "What it checks and why it matters (Markdown), in the request's "
                + "language; SQL, settings and ids stay as they are.")
        Text description,
        @Schema(implementation = String.class, description = "How its findings are fixed in general; each finding says exactly "
                + "how (Markdown), in the request's language.")
        Text remedy,
        @Schema(description = "The most severe finding it can raise; an acceptance of a check that can be a BLOCKER needs an "
                + "expiry.")
        FindingSeverity worstSeverity,
        @Schema(description = "Whether its findings name the objects they are about; an acceptance of it must name them.")
        boolean namesObjects,
        @Schema(description = "Whether its findings may be accepted as a risk (POST /api/datasources/{id}/acceptances).")
        boolean acceptable) {

    static ReadinessCheckDescription of(ReadinessCheck check) {
        return new ReadinessCheckDescription(check, check.title(), check.scopes().stream().sorted().toList(), check.description(),
                check.remedy(), check.worstSeverity(), check.namesObjects(), check.acceptable());
    }
}
