package io.dsm.audit.service;

import java.time.Instant;
import java.util.UUID;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;

/** Which audit events to list; null fields do not filter. */
public record AuditFilter(String actor, AuditAction action, AuditOutcome outcome, UUID dataSourceId, Instant from, Instant to,
        int page, int size) {
}
