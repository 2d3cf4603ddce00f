package io.dsm.readiness;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReadinessState", description = """
        READY: nothing found. WARNINGS: warnings, no blocker. BLOCKED: at least one blocker, or a connection check \
        failed. NOT_CHECKED: readiness could not be checked (the connection failed first). NOT_APPLICABLE: the data \
        source does not serve this scope (incremental sync reads a primary; a standby-only source serves full migration).""")
public enum ReadinessState {
    READY,
    WARNINGS,
    BLOCKED,
    NOT_CHECKED,
    NOT_APPLICABLE
}
