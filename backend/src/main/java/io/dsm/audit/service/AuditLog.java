package io.dsm.audit.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.audit.AuditEventEntity;
import io.dsm.audit.Change;

/**
 * Records audit events. A change is recorded in the transaction that makes it, so there is never a
 * change without its record nor a record of a change that was rolled back. Observations (a sign-in,
 * a connection test) change nothing, so they are recorded in a transaction of their own that does
 * not wait for its WAL flush: the answer is not held up by a disk write, and only a crash of the
 * store within a fraction of a second could lose such a record, never a change's.
 */
@ApplicationScoped
public class AuditLog {

    private static final int DETAIL_LIMIT = 1000;

    private final RequestOrigin origin;
    private final ObjectMapper json;
    private final EntityManager entities;

    public AuditLog(RequestOrigin origin, ObjectMapper json, EntityManager entities) {
        this.origin = origin;
        this.json = json;
        this.entities = entities;
    }

    /** Within the caller's transaction, as the current user. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditEntry entry) {
        persist(entry, origin.actor(), origin.address());
    }

    /** In a transaction of its own, for an actor named by the caller (a sign-in, before anyone is signed in). */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordSeparately(AuditEntry entry, String actor, String address) {
        withoutWaitingForTheFlush();
        persist(entry, actor, address);
    }

    /** In a transaction of its own, as the current user. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordSeparately(AuditEntry entry) {
        withoutWaitingForTheFlush();
        persist(entry, origin.actor(), origin.address());
    }

    private void withoutWaitingForTheFlush() {
        entities.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
    }

    private void persist(AuditEntry entry, String actor, String address) {
        AuditEventEntity event = new AuditEventEntity();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = truncate(actor, 64);
        event.clientAddress = truncate(address, 64);
        event.action = entry.action();
        event.outcome = entry.outcome();
        event.dataSourceId = entry.dataSourceId();
        event.dataSourceIdentifier = truncate(entry.dataSourceIdentifier(), 32);
        event.changes = entry.changes().isEmpty() ? null : write(entry.changes());
        event.detail = truncate(entry.detail(), DETAIL_LIMIT);
        event.persist();
    }

    private String write(List<Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit changes could not be written as JSON", e);
        }
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
