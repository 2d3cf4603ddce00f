package io.dsm.audit.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.dsm.audit.AuditEventEntity;

/**
 * Records audit events. A change is recorded in the transaction that makes it, so there is never a
 * change without its record nor a record of a change that was rolled back. Observations (a sign-in,
 * a connection test) change nothing, so they are recorded on their own, outside any transaction of
 * the caller, by one statement that does not wait for its WAL flush: the answer is held up by one
 * round trip to the store rather than three and a disk write, and only a crash of the store within
 * a fraction of a second could lose such a record, never a change's.
 */
@ApplicationScoped
public class AuditLog {

    private static final int DETAIL_LIMIT = 1000;

    private final RequestOrigin origin;
    private final AuditEventRepository events;

    public AuditLog(RequestOrigin origin, AuditEventRepository events) {
        this.origin = origin;
        this.events = events;
    }

    /** Within the caller's transaction, as the current user. */
    @Transactional(TxType.MANDATORY)
    public void record(AuditEntry entry) {
        events.persist(event(entry, origin.actor(), origin.address()));
    }

    /** Within the caller's transaction, for an actor named by the caller (the readiness watch, outside any request). */
    @Transactional(TxType.MANDATORY)
    public void recordAs(AuditEntry entry, String actor) {
        events.persist(event(entry, actor, null));
    }

    /** On its own, for an actor named by the caller (a sign-in, before anyone is signed in). */
    @Transactional(TxType.NOT_SUPPORTED)
    public void recordSeparately(AuditEntry entry, String actor, String address) {
        events.insertWithoutWaitingForTheFlush(event(entry, actor, address));
    }

    /** On its own, as the current user. */
    @Transactional(TxType.NOT_SUPPORTED)
    public void recordSeparately(AuditEntry entry) {
        events.insertWithoutWaitingForTheFlush(event(entry, origin.actor(), origin.address()));
    }

    private AuditEventEntity event(AuditEntry entry, String actor, String address) {
        AuditEventEntity event = new AuditEventEntity();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = truncate(actor, 64);
        event.clientAddress = truncate(address, 64);
        event.action = entry.action();
        event.outcome = entry.outcome();
        event.dataSourceId = entry.dataSourceId();
        event.dataSourceIdentifier = truncate(entry.dataSourceIdentifier(), 32);
        event.changes = entry.changes();
        event.detail = truncate(entry.detail(), DETAIL_LIMIT);
        return event;
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
