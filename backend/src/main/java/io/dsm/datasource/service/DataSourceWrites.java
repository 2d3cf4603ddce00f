package io.dsm.datasource.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.hibernate.exception.ConstraintViolationException;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.Change;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.DataSourceInput;

/**
 * How a data source is written, whoever asks: the API's use cases ({@link DataSourceService}) and
 * provisioning files ({@link ProvisionedSources}). Each method runs in the caller's transaction, on input
 * the caller has checked, keeps the heartbeat and the watch in step, and writes the audit record.
 */
@Singleton
class DataSourceWrites {

    private static final String IDENTIFIER_INDEX = "ux_data_source_identifier_ci";

    private final DataSourceRepository repository;
    private final DataSourceFields fields;
    private final Heartbeats heartbeats;
    private final ReadinessWatch watch;
    private final AuditLog audit;

    DataSourceWrites(DataSourceRepository repository, DataSourceFields fields, Heartbeats heartbeats, ReadinessWatch watch,
            AuditLog audit) {
        this.repository = repository;
        this.fields = fields;
        this.heartbeats = heartbeats;
        this.watch = watch;
        this.audit = audit;
    }

    /** A new data source; {@code provisionedBy} is the file that declares it, or null for the API. */
    DataSourceEntity inserted(DataSourceInput input, String provisionedBy) {
        if (repository.identifierTaken(input.identifier(), null)) {
            throw duplicateIdentifier();
        }
        DataSourceEntity entity = new DataSourceEntity();
        entity.id = UUID.randomUUID();
        fields.apply(input, entity);
        entity.provisionedBy = provisionedBy;
        entity.createdAt = entity.updatedAt;
        repository.persist(entity);
        flushGuardingIdentifier();
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        }
        watch.checkSoon(entity.id);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_CREATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(Map.of(), DataSourceChanges.snapshot(entity), input), provisionedBy == null ? null
                        : "Declared in " + provisionedBy));
        return entity;
    }

    /** Writes the input onto a stored data source; returns what changed (empty: nothing). */
    List<Change> updated(DataSourceEntity entity, DataSourceInput input) {
        if (!entity.identifier.equalsIgnoreCase(input.identifier())
                && repository.identifierTaken(input.identifier(), entity.id)) {
            throw duplicateIdentifier();
        }
        Map<String, String> before = DataSourceChanges.snapshot(entity);
        fields.apply(input, entity);
        flushGuardingIdentifier();
        syncHeartbeat(entity);
        watch.checkSoon(entity.id);
        List<Change> changes = DataSourceChanges.between(before, DataSourceChanges.snapshot(entity), input);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                changes, null));
        return changes;
    }

    /** Who manages a data source from now on (a file, or the API again when null), with its audit record. */
    void managedBy(DataSourceEntity entity, String file) {
        String before = entity.provisionedBy;
        if (Objects.equals(before, file)) {
            return;
        }
        entity.provisionedBy = file;
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                List.of(new Change("provisionedBy", before, file)),
                file == null ? "Managed through the API again" : "Managed by the provisioning file " + file));
    }

    /** Deletes a data source, with its audit record. */
    void removed(DataSourceEntity entity) {
        repository.delete(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_DELETED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                List.of(), entity.host + ":" + entity.port + "/" + entity.databaseName));
    }

    /**
     * A data source declared in a provisioning file is changed by changing the file: the API refuses, naming it.
     * {@code what} is the catalogue key of what the file changes ("provisioned.changed", "provisioned.risks").
     */
    static void refuseIfProvisioned(DataSourceEntity entity, String what) {
        if (entity.provisionedBy != null) {
            throw ProblemException.conflict(Text.of("problem.provisioned", entity.identifier, entity.provisionedBy, Text.of(what)),
                    List.of(Violation.of("provisionedBy", "violation.provisioned-by", entity.provisionedBy)));
        }
    }

    /** A heartbeat row exists exactly while heartbeat is on: the writer instances follow the rows. */
    private void syncHeartbeat(DataSourceEntity entity) {
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        } else {
            heartbeats.disable(entity.id);
        }
    }

    /** The unique index settles creates and renames that passed the identifier check at the same time. */
    private void flushGuardingIdentifier() {
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            if (IDENTIFIER_INDEX.equals(e.getConstraintName())) {
                throw duplicateIdentifier();
            }
            throw e;
        }
    }

    private static ProblemException duplicateIdentifier() {
        return ProblemException.conflict(Text.of("problem.identifier.taken"),
                List.of(Violation.of("identifier", "violation.identifier.taken")));
    }
}
