package io.dsm.connection;

import java.util.List;

import io.dsm.common.i18n.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;

@Schema(name = "ReadinessFinding", description = "Something a readiness check found on one endpoint.")
public record ReadinessFinding(
        ReadinessCheck check,
        CheckTarget target,
        @Schema(description = "The scopes it concerns.")
        List<ReadinessScope> scopes,
        FindingSeverity severity,
        @Schema(implementation = String.class, description = "What was found.",
                examples = "1 table in scope has no replica identity (no primary key and REPLICA IDENTITY DEFAULT, or NOTHING)")
        Text message,
        @Schema(implementation = String.class, nullable = true, description = "How to fix it, in words.")
        Text hint,
        @Schema(nullable = true, description = "The SQL that fixes it, to run as a user allowed to (often a superuser or the "
                + "tables' owner); null where no SQL fixes it.", examples = "ALTER TABLE app.events REPLICA IDENTITY FULL;")
        String fixSql,
        @Schema(description = "The tables, slots or publications it is about: at most 50, see objectCount.")
        List<AffectedObject> objects,
        @Schema(description = "How many objects it is about in all; more than objects lists when above 50.", examples = "2")
        long objectCount,
        @Schema(nullable = true, description = "The acceptance that covers it, on a saved source; null when it counts.")
        FindingAcceptance accepted) {
}
