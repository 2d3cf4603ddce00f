package io.dsm.audit.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.dsm.audit.AuditEventEntity;
import io.dsm.audit.ChangesColumn;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEventEntity, Long> {

    /**
     * set_config(..., true) lasts until the end of the statement's own (implicit) transaction, whose
     * commit then does not wait for the flush: SET LOCAL in one round trip.
     */
    private static final String INSERT_WITHOUT_WAITING_FOR_THE_FLUSH = """
            INSERT INTO audit_event (occurred_at, actor, client_address, action, outcome, data_source_id,
                                     data_source_identifier, changes, detail)
            SELECT ?::timestamptz, ?, ?, ?, ?, ?::uuid, ?, ?, ? FROM set_config('synchronous_commit', 'off', true)""";

    private final AgroalDataSource store;

    public AuditEventRepository(AgroalDataSource store) {
        this.store = store;
    }

    /** One page of events, newest first. */
    public record Page(List<AuditEventEntity> items, long total) {
    }

    public Page search(AuditFilter filter) {
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
        PanacheQuery<AuditEventEntity> query = find(where.toString(),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), parameters);
        return new Page(query.page(filter.page() - 1, filter.size()).list(), query.count());
    }

    /**
     * Inserts on a connection of its own, outside any transaction (the caller suspends its own), so
     * that the statement commits by itself without waiting for its WAL flush.
     */
    public void insertWithoutWaitingForTheFlush(AuditEventEntity event) {
        try (Connection connection = store.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_WITHOUT_WAITING_FOR_THE_FLUSH)) {
            insert.setObject(1, event.occurredAt.atOffset(ZoneOffset.UTC));
            insert.setString(2, event.actor);
            insert.setString(3, event.clientAddress);
            insert.setString(4, event.action.name());
            insert.setString(5, event.outcome.name());
            insert.setObject(6, event.dataSourceId);
            insert.setString(7, event.dataSourceIdentifier);
            insert.setString(8, ChangesColumn.write(event.changes));
            insert.setString(9, event.detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit record could not be written", e);
        }
    }
}
