package io.dsm.datasource.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules.Purpose;

/**
 * The port through which provisioning files write the registry: data sources created, changed, released
 * and removed on behalf of a file, in the caller's transaction, by the same rules and with the same audit
 * as through the API ({@link DataSourceWrites}), and marked with the file that declares them. It hands out
 * values ({@link Stored}, {@link Exported}), never the entity.
 */
@ApplicationScoped
public class ProvisionedSources {

    private final DataSourceRepository repository;
    private final DataSourceRules rules;
    private final DataSourceFields fields;
    private final DataSourceWrites writes;

    ProvisionedSources(DataSourceRepository repository, DataSourceRules rules, DataSourceFields fields, DataSourceWrites writes) {
        this.repository = repository;
        this.rules = rules;
        this.fields = fields;
        this.writes = writes;
    }

    /** A stored data source as provisioning sees it: which one, and the file that manages it (empty: the API). */
    public record Stored(UUID id, String identifier, Optional<String> provisionedBy) {

        private static Stored of(DataSourceEntity entity) {
            return new Stored(entity.id, entity.identifier, Optional.ofNullable(entity.provisionedBy));
        }
    }

    /** A data source managed through the API, as a provisioning file would declare it, for an export. */
    public record Exported(UUID id, DataSourceInput declared) {
    }

    @Transactional(TxType.MANDATORY)
    public Optional<Stored> byIdentifier(String identifier) {
        return repository.find("lower(identifier) = ?1", identifier.toLowerCase(Locale.ROOT)).firstResultOptional().map(Stored::of);
    }

    @Transactional(TxType.MANDATORY)
    public List<Stored> declaredIn(String file) {
        return repository.list("provisionedBy = ?1 order by identifier", file).stream().map(Stored::of).toList();
    }

    /** The data sources managed through the API (no file declares them), for an export. */
    @Transactional
    public List<Exported> managedThroughTheApi() {
        return repository.list("provisionedBy is null order by identifier").stream()
                .map(entity -> new Exported(entity.id, DataSourceMapper.toDeclaration(entity))).toList();
    }

    /** @throws io.dsm.common.problem.ProblemException (400, 409) as the API would answer */
    @Transactional(TxType.MANDATORY)
    public Stored create(DataSourceInput input, String file) {
        rules.check(input, Purpose.CREATE);
        return Stored.of(writes.inserted(input, file));
    }

    /**
     * Makes the stored data source what the file says, writing only when the file says something it does not (a file
     * applied again changes nothing); returns whether anything changed, the file taking it over included.
     *
     * @throws io.dsm.common.problem.ProblemException (400, 409) as the API would answer
     */
    @Transactional(TxType.MANDATORY)
    public boolean update(Stored stored, DataSourceInput input, String file) {
        DataSourceEntity entity = entity(stored);
        boolean adopted = !file.equals(entity.provisionedBy);
        rules.check(input, Purpose.CREATE);
        boolean changed = fields.differ(input, entity) && !writes.updated(entity, input).isEmpty();
        writes.managedBy(entity, file);
        return changed || adopted;
    }

    /** The file no longer declares it and does not prune: it stays, managed through the API again. */
    @Transactional(TxType.MANDATORY)
    public void release(Stored stored) {
        writes.managedBy(entity(stored), null);
    }

    @Transactional(TxType.MANDATORY)
    public void remove(Stored stored) {
        writes.removed(entity(stored));
    }

    /** Found again in the caller's transaction, where it was read before: the persistence context's copy. */
    private DataSourceEntity entity(Stored stored) {
        return repository.findByIdOptional(stored.id()).orElseThrow(() -> DataSourceNotFound.of(stored.id()));
    }
}
