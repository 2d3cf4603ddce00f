package io.dsm.audit.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.audit.AuditEventEntity;
import io.dsm.audit.Change;
import io.dsm.audit.api.AuditEventResponse;
import io.dsm.audit.api.AuditPage;

/** Reads the audit log for administrators. */
@ApplicationScoped
public class AuditQueries {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final AuditEventRepository events;
    private final ObjectMapper json;

    public AuditQueries(AuditEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Transactional
    public AuditPage list(AuditFilter filter) {
        AuditEventRepository.Page page = events.search(filter);
        List<AuditEventResponse> items = page.items().stream().map(this::toResponse).toList();
        return new AuditPage(items, filter.page(), filter.size(), page.total());
    }

    private AuditEventResponse toResponse(AuditEventEntity event) {
        return new AuditEventResponse(event.id, event.occurredAt, event.actor, event.clientAddress, event.action, event.outcome,
                event.dataSourceId, event.dataSourceIdentifier, read(event.changes), event.detail);
    }

    private List<Change> read(String changes) {
        if (changes == null) {
            return List.of();
        }
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit record's changes are not valid JSON", e);
        }
    }
}
