package io.dsm.audit;

public enum AuditOutcome {
    SUCCESS,
    FAILURE
}
