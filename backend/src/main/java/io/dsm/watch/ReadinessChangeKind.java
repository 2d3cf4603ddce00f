package io.dsm.watch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReadinessChangeKind", description = """
        STATE_CHANGED: the source's readiness state changed. FINDING_APPEARED: a check found something it did not \
        find the time before (a failed connection check counts). FINDING_CLEARED: something found before is gone. \
        FINDING_ACCEPTED: a finding is now covered by an acceptance and no longer counts. ACCEPTANCE_EXPIRED: the \
        acceptance that covered a finding expired, so the finding counts again. FINDING_REOPENED: a finding counts \
        again because its acceptance no longer covers it (revoked, or the finding names an object it does not).""")
public enum ReadinessChangeKind {
    STATE_CHANGED,
    FINDING_APPEARED,
    FINDING_CLEARED,
    FINDING_ACCEPTED,
    ACCEPTANCE_EXPIRED,
    FINDING_REOPENED
}
