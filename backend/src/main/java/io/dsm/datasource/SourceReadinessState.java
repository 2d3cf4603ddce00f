package io.dsm.datasource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceReadinessState", description = """
        What the readiness watch last found. READY: every check passed and nothing was found. WARNINGS: warnings, no \
        blocker. BLOCKED: at least one blocker (incremental sync would fail or lose changes until it is fixed). \
        UNREACHABLE: a connection check failed (network, sign-in, database, schema, privileges), so readiness could not \
        be judged. UNKNOWN: not checked yet.""")
public enum SourceReadinessState {
    READY,
    WARNINGS,
    BLOCKED,
    UNREACHABLE,
    UNKNOWN
}
