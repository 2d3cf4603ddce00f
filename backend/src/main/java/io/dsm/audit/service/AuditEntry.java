package io.dsm.audit.service;

import java.util.List;
import java.util.UUID;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.Change;

/** What to record; who and from where come from the request. */
public record AuditEntry(AuditAction action, AuditOutcome outcome, UUID dataSourceId, String dataSourceIdentifier,
        List<Change> changes, String detail) {

    public static AuditEntry of(AuditAction action, AuditOutcome outcome, String detail) {
        return new AuditEntry(action, outcome, null, null, List.of(), detail);
    }

    public static AuditEntry ofDataSource(AuditAction action, AuditOutcome outcome, UUID id, String identifier,
            List<Change> changes, String detail) {
        return new AuditEntry(action, outcome, id, identifier, changes, detail);
    }
}
