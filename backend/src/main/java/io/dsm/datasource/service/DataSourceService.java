package io.dsm.datasource.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.crypto.Secret;
import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.crypto.UnreadableSecretException;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.StaleVersion;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.StandbyEndpoint;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.api.DataSourcePage;
import io.dsm.datasource.api.DataSourceResponse;
import io.dsm.datasource.api.HeartbeatStatus;
import io.dsm.heartbeat.HeartbeatRegistry;
import io.dsm.datasource.api.StandbyInput;
import io.dsm.datasource.api.TlsSettings;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.dsm.region.Regions;

/** The registry's use cases. Each public method is one transaction. */
@ApplicationScoped
public class DataSourceService {

    static final String IDENTIFIER_INDEX = "ux_data_source_identifier_ci";

    private final DataSourceRepository repository;
    private final DataSourceRules rules;
    private final Regions regions;
    private final SecretCipher cipher;
    private final HeartbeatRegistry heartbeats;
    private final Clock clock;
    private final AuditLog audit;

    public DataSourceService(DataSourceRepository repository, DataSourceRules rules, Regions regions,
            SecretCipher cipher, HeartbeatRegistry heartbeats, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.rules = rules;
        this.regions = regions;
        this.cipher = cipher;
        this.heartbeats = heartbeats;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public DataSourceResponse create(DataSourceInput input) {
        rules.check(input, Purpose.CREATE);
        if (repository.identifierTaken(input.identifier(), null)) {
            throw duplicateIdentifier();
        }
        DataSourceEntity entity = new DataSourceEntity();
        entity.id = UUID.randomUUID();
        apply(input, entity);
        entity.createdAt = entity.updatedAt;
        repository.persist(entity);
        flushGuardingIdentifier();
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        }
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_CREATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(Map.of(), DataSourceChanges.snapshot(entity), input), null));
        return toResponse(entity);
    }

    @Transactional
    public DataSourceResponse update(UUID id, DataSourceInput input) {
        DataSourceEntity entity = find(id);
        rules.check(input, Purpose.UPDATE);
        if (input.version() != entity.version) {
            throw StaleVersion.exception();
        }
        if (!entity.identifier.equalsIgnoreCase(input.identifier())
                && repository.identifierTaken(input.identifier(), id)) {
            throw duplicateIdentifier();
        }
        Map<String, String> before = DataSourceChanges.snapshot(entity);
        apply(input, entity);
        flushGuardingIdentifier();
        syncHeartbeat(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_UPDATED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                DataSourceChanges.between(before, DataSourceChanges.snapshot(entity), input), null));
        return toResponse(entity);
    }

    @Transactional
    public void delete(UUID id) {
        DataSourceEntity entity = find(id);
        repository.delete(entity);
        audit.record(AuditEntry.ofDataSource(AuditAction.DATA_SOURCE_DELETED, AuditOutcome.SUCCESS, entity.id, entity.identifier,
                List.of(), entity.host + ":" + entity.port + "/" + entity.databaseName));
    }

    @Transactional
    public DataSourceResponse get(UUID id) {
        return toResponse(find(id));
    }

    @Transactional
    public DataSourcePage list(DataSourceFilter filter) {
        DataSourceRepository.Page page = repository.search(filter);
        Map<UUID, HeartbeatStatus> statuses = heartbeats.statuses(page.items().stream()
                .filter(e -> e.heartbeatEnabled).map(e -> e.id).toList());
        List<DataSourceResponse> items = page.items().stream()
                .map(e -> DataSourceMapper.toResponse(e, statuses.get(e.id))).toList();
        return new DataSourcePage(items, filter.page(), filter.size(), page.total());
    }

    @Transactional
    public boolean identifierAvailable(String identifier, UUID exceptId) {
        return !repository.identifierTaken(identifier, exceptId);
    }

    private DataSourceResponse toResponse(DataSourceEntity entity) {
        HeartbeatStatus status = entity.heartbeatEnabled ? heartbeats.statuses(List.of(entity.id)).get(entity.id) : null;
        return DataSourceMapper.toResponse(entity, status);
    }

    /** A heartbeat row exists exactly while heartbeat is on: the writer instances follow the rows. */
    private void syncHeartbeat(DataSourceEntity entity) {
        if (entity.heartbeatEnabled) {
            heartbeats.enable(entity.id);
        } else {
            heartbeats.disable(entity.id);
        }
    }

    private DataSourceEntity find(UUID id) {
        return Optional.ofNullable(repository.findById(id)).orElseThrow(() -> notFound(id));
    }

    public static ProblemException notFound(Object id) {
        return ProblemException.notFound("There is no data source with id " + id + ".");
    }

    private void apply(DataSourceInput input, DataSourceEntity entity) {
        entity.identifier = input.identifier();
        entity.type = input.type();
        entity.region = regions.resolve(input.region()).orElseThrow();
        entity.attribute = input.attribute();
        entity.heartbeatEnabled = input.heartbeat();
        entity.host = input.host();
        entity.port = input.port();
        entity.username = input.username();
        if (input.password() != null) {
            entity.passwordSealed = seal(input.password(), entity);
        } else {
            entity.passwordSealed = underCurrentKey(entity.passwordSealed, entity);
        }
        entity.databaseName = input.databaseName();
        entity.schemaName = blankToNull(input.schemaName());
        entity.heartbeatSchema = blankToNull(input.heartbeatSchema());
        entity.remarks = blankToNull(input.remarks());
        entity.standby = standbyOf(input, entity);
        TlsSettings tls = input.tls() == null ? TlsSettings.DEFAULT : input.tls();
        entity.tlsMode = tls.modeOrDefault();
        entity.tlsCaCertificate = blankToNull(tls.caCertificate());
        // Always touched, so that every update raises the version, even one that changes nothing else.
        entity.updatedAt = now();
    }

    /** The standby's username and password default to the primary's; an update without a password keeps the stored one. */
    private StandbyEndpoint standbyOf(DataSourceInput input, DataSourceEntity entity) {
        StandbyInput requested = input.standby();
        if (requested == null) {
            return null;
        }
        StandbyEndpoint standby = new StandbyEndpoint();
        standby.host = requested.host();
        standby.port = requested.port();
        standby.username = requested.username() == null || requested.username().isBlank()
                ? entity.username : requested.username();
        if (requested.password() != null) {
            standby.passwordSealed = seal(requested.password(), entity);
        } else if (entity.standby != null && entity.standby.passwordSealed != null) {
            standby.passwordSealed = underCurrentKey(entity.standby.passwordSealed, entity);
        } else {
            // Sealed values are bound to the row, not to the primary or standby half, so this is a copy.
            standby.passwordSealed = entity.passwordSealed;
        }
        return standby;
    }

    /**
     * A kept password, re-encrypted if an earlier key sealed it: an update saved while a key rotation
     * runs must not write back what the rotation just replaced.
     */
    private String underCurrentKey(String sealed, DataSourceEntity entity) {
        if (sealed == null || !cipher.sealedWithOtherKey(sealed)) {
            return sealed;
        }
        try {
            return seal(cipher.open(sealed, entity.id.toString()), entity);
        } catch (UnreadableSecretException e) {
            return sealed;
        }
    }

    private String seal(Secret secret, DataSourceEntity entity) {
        return cipher.seal(secret, entity.id.toString());
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; the response must show what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The unique index settles creates and renames that passed {@link #create}'s check at the same time. */
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
        return ProblemException.conflict("A data source with this identifier already exists.",
                List.of(new Violation("identifier",
                        "is already used by another data source (identifiers are compared ignoring case)")));
    }
}
