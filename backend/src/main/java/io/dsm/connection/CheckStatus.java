package io.dsm.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckStatus", description = "SKIPPED: could not run because an earlier check failed.")
public enum CheckStatus {
    PASSED,
    FAILED,
    WARNING,
    SKIPPED
}
