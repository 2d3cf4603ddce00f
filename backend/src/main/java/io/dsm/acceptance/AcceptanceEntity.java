package io.dsm.acceptance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dsm.readiness.FindingSeverity;

/** A readiness finding accepted as a risk, as stored. The API never exposes this class; see the api package. */
@Entity
@Table(name = "readiness_acceptance")
public class AcceptanceEntity {

    @Id
    public UUID id;

    public UUID dataSourceId;

    @Column(name = "check_id")
    public String check;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] objects;

    public String reason;

    public String acceptedBy;

    public Instant acceptedAt;

    public Instant expiresAt;

    /** The most severe finding it covers: one that rises above it counts again. */
    @Enumerated(EnumType.STRING)
    public FindingSeverity severity;

    @Enumerated(EnumType.STRING)
    public AcceptanceSource source;
}
