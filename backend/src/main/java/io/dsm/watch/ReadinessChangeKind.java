package io.dsm.watch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReadinessChangeKind", description = """
        STATE_CHANGED: the source's readiness state changed. FINDING_APPEARED: a check found something it did not \
        find the time before (a failed connection check counts). FINDING_CLEARED: something found before is gone.""")
public enum ReadinessChangeKind {
    STATE_CHANGED,
    FINDING_APPEARED,
    FINDING_CLEARED
}
