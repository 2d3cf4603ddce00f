package io.dsm.audit.service;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.audit.AuditEventEntity;
import io.dsm.audit.Change;
import io.dsm.audit.api.AuditEventResponse;
import io.dsm.audit.api.AuditPage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reads the audit log for administrators. */
@ApplicationScoped
public class AuditQueries {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public AuditQueries(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public AuditPage list(AuditFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.actor() != null) {
            where.append(" and lower(actor) = :actor");
            parameters.and("actor", filter.actor().toLowerCase(Locale.ROOT));
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.outcome() != null) {
            where.append(" and outcome = :outcome");
            parameters.and("outcome", filter.outcome());
        }
        if (filter.dataSourceId() != null) {
            where.append(" and dataSourceId = :dataSourceId");
            parameters.and("dataSourceId", filter.dataSourceId());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            parameters.and("to", filter.to());
        }
        PanacheQuery<AuditEventEntity> query = AuditEventEntity.find(where.toString(),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), parameters);
        long total = query.count();
        List<AuditEventResponse> items = query.page(filter.page() - 1, filter.size()).list().stream().map(this::toResponse).toList();
        return new AuditPage(items, filter.page(), filter.size(), total);
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
