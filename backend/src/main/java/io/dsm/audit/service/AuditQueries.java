package io.dsm.audit.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.dsm.audit.AuditEventEntity;
import io.dsm.audit.api.AuditEventResponse;
import io.dsm.audit.api.AuditPage;

/** Reads the audit log for administrators. */
@ApplicationScoped
public class AuditQueries {

    @Inject
    AuditEventRepository events;

    @Transactional
    public AuditPage list(AuditFilter filter) {
        AuditEventRepository.Page page = events.search(filter);
        List<AuditEventResponse> items = page.items().stream().map(this::toResponse).toList();
        return new AuditPage(items, filter.page(), filter.size(), page.total());
    }

    private AuditEventResponse toResponse(AuditEventEntity event) {
        return new AuditEventResponse(event.id, event.occurredAt, event.actor, event.clientAddress, event.action, event.outcome,
                event.dataSourceId, event.dataSourceIdentifier, event.changes, event.detail);
    }
}
