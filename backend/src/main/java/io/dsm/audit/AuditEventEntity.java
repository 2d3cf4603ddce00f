package io.dsm.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;

    public String actor;

    public String clientAddress;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;

    public UUID dataSourceId;

    public String dataSourceIdentifier;

    @Convert(converter = ChangesColumn.class)
    public List<Change> changes = List.of();

    public String detail;
}
