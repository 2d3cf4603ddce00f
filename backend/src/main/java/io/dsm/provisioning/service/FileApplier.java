package io.dsm.provisioning.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.i18n.StoredTexts;
import io.dsm.acceptance.service.Acceptances;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.common.problem.ProblemException;
import io.dsm.datasource.service.ProvisionedSources;
import io.dsm.provisioning.FileStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies one provisioning file, all or nothing, in one transaction: its data sources created or
 * changed to what it says (matched by identifier, ignoring case), each one's accepted risks made
 * exactly those it declares (acceptedFindings), those it declared before and no
 * longer lists removed (prune) or released, every change audited as {@code provisioning:<file>}. Only
 * one instance applies at a time (a PostgreSQL advisory lock); the others see the result in the store.
 */
@ApplicationScoped
public class FileApplier {

    private static final Logger LOG = Logger.getLogger(FileApplier.class);
    /** The advisory lock every instance takes to apply: the same key everywhere, unlikely to clash with others. */
    private static final long LOCK = 0x64736d70726f76L;

    private final AgroalDataSource store;
    private final ProvisionedSources sources;
    private final Acceptances acceptances;
    private final ObjectMapper json;

    public FileApplier(AgroalDataSource store, ProvisionedSources sources, Acceptances acceptances,
            @StoredTexts ObjectMapper json) {
        this.store = store;
        this.sources = sources;
        this.acceptances = acceptances;
        this.json = json;
    }

    /** What an apply did: its status, or that another instance was applying (nothing done here). */
    enum Result {
        APPLIED,
        UNCHANGED,
        FAILED,
        BUSY
    }

    /** @param lastErrors the errors the file's last apply stored: the same again are not logged again */
    Result apply(ParsedFile file, String instance, List<ProvisioningError> lastErrors) {
        if (!file.valid()) {
            recordFailure(file, file.errors(), instance, lastErrors);
            return Result.FAILED;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> RequestOrigin.actingAs(actor(file.name()), () -> {
                try (Connection connection = store.getConnection()) {
                    if (!locked(connection)) {
                        return Result.BUSY;
                    }
                    boolean changed = declare(file) | undeclared(file.name(), identifiers(file), file.prune());
                    FileStatus status = changed ? FileStatus.APPLIED : FileStatus.UNCHANGED;
                    FileStatuses.record(connection, file.name(), status, file.checksum(), file.prune(), file.sources().size(),
                            List.of(), instance, json);
                    return changed ? Result.APPLIED : Result.UNCHANGED;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        } catch (Conflict conflict) {
            recordFailure(file, List.of(conflict.error), instance, lastErrors);
            return Result.FAILED;
        }
    }

    /** A file that is gone: its data sources removed if it pruned, else managed through the API again. */
    Result remove(String name, boolean prune, String instance) {
        return QuarkusTransaction.requiringNew().call(() -> RequestOrigin.actingAs(actor(name), () -> {
            try (Connection connection = store.getConnection()) {
                if (!locked(connection)) {
                    return Result.BUSY;
                }
                undeclared(name, Set.of(), prune);
                FileStatuses.record(connection, name, FileStatus.REMOVED, null, prune, 0, List.of(), instance, json);
                return Result.APPLIED;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private boolean declare(ParsedFile file) {
        boolean changed = false;
        for (int i = 0; i < file.sources().size(); i++) {
            DeclaredSource declared = file.sources().get(i);
            Optional<ProvisionedSources.Stored> stored = sources.byIdentifier(declared.identifier());
            String field = "dataSources[" + i + "]";
            if (stored.isPresent() && stored.get().provisionedBy().filter(other -> !other.equals(file.name())).isPresent()) {
                throw new Conflict(ProvisioningError.of(declared.line(), field + ".identifier", "provisioning.declared-elsewhere",
                        stored.get().provisionedBy().get()));
            }
            try {
                ProvisionedSources.Stored applied;
                if (stored.isEmpty()) {
                    applied = sources.create(declared.input(), file.name());
                    changed = true;
                } else {
                    applied = stored.get();
                    changed |= sources.update(applied, declared.input(), file.name());
                }
                changed |= acceptances.declared(applied.id(), declared.acceptances(), file.name());
            } catch (ProblemException e) {
                List<io.dsm.common.problem.Violation> violations = e.violations();
                throw new Conflict(new ProvisioningError(declared.line(), violations.isEmpty() ? field : field + "." + violations.get(0).field(),
                        violations.isEmpty() ? e.detail() : violations.get(0).message()));
            }
        }
        return changed;
    }

    /** The data sources the file declared before and lists no more; returns whether there were any. */
    private boolean undeclared(String name, Set<String> listed, boolean prune) {
        boolean changed = false;
        for (ProvisionedSources.Stored stored : sources.declaredIn(name)) {
            if (!listed.contains(stored.identifier().toLowerCase(Locale.ROOT))) {
                if (prune) {
                    sources.remove(stored);
                } else {
                    sources.release(stored);
                }
                changed = true;
            }
        }
        return changed;
    }

    private void recordFailure(ParsedFile file, List<ProvisioningError> errors, String instance, List<ProvisioningError> lastErrors) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = store.getConnection()) {
                FileStatuses.record(connection, file.name(), FileStatus.FAILED, file.checksum(), file.prune(), 0, errors, instance, json);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (errors.equals(lastErrors)) {
            return;
        }
        LOG.warnf("Provisioning file %s was not applied: %s", file.name(), errors.stream()
                .map(error -> (error.line() == null ? "" : "line " + error.line() + ": ") + (error.field() == null ? "" : error.field() + " ")
                        + error.message().english()).reduce((a, b) -> a + "; " + b).orElse("no reason"));
    }

    private static boolean locked(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static Set<String> identifiers(ParsedFile file) {
        Set<String> identifiers = new HashSet<>();
        file.sources().forEach(source -> identifiers.add(source.identifier().toLowerCase(Locale.ROOT)));
        return identifiers;
    }

    static String actor(String file) {
        return "provisioning:" + file;
    }

    /** Rolls the file's transaction back: nothing of it is applied. */
    private static final class Conflict extends RuntimeException {
        private final transient ProvisioningError error;

        Conflict(ProvisioningError error) {
            super(error.message().english(), null, false, false);
            this.error = error;
        }
    }
}
