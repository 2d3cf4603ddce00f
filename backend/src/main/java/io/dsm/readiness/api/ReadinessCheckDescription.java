package io.dsm.readiness.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;

@Schema(name = "ReadinessCheckDescription", description = "One check of the readiness catalogue.")
public record ReadinessCheckDescription(
        ReadinessCheck id,
        @Schema(examples = "Every table has a replica identity")
        String title,
        @Schema(description = "The scopes its findings can concern.")
        List<ReadinessScope> scopes,
        @Schema(description = "What it checks and why it matters (Markdown).")
        String description,
        @Schema(description = "How its findings are fixed in general; each finding says exactly how (Markdown).")
        String remedy) {

    static ReadinessCheckDescription of(ReadinessCheck check) {
        return new ReadinessCheckDescription(check, check.title(), check.scopes().stream().sorted().toList(), check.description(),
                check.remedy());
    }
}
