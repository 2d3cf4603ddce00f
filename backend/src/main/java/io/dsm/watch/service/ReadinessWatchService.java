package io.dsm.watch.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.i18n.StoredTexts;
import io.dsm.common.lease.InstanceIdentity;
import io.agroal.api.AgroalDataSource;
import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.audit.service.RequestOrigin;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.config.DsmConfig;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.service.SourceCheck;
import io.dsm.connection.service.TooManyTests;
import io.dsm.datasource.service.DataSourceNotFound;
import io.dsm.watch.api.SourceReadinessResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The watch's use cases for the API: what it knows about a source, and a re-check now. */
@ApplicationScoped
public class ReadinessWatchService {

    private final AgroalDataSource store;
    private final SourceCheck checks;
    private final CheckResults results;
    private final String owner;
    private final AuditLog audit;
    private final RequestOrigin origin;
    /** Reads the stored report, whose texts are keys and arguments, so that the answer speaks the request's language. */
    private final ObjectMapper reports;
    private final WatchSettings settings;

    public ReadinessWatchService(AgroalDataSource store, SourceCheck checks, CheckResults results, InstanceIdentity instance,
            AuditLog audit, RequestOrigin origin, @StoredTexts ObjectMapper reports, DsmConfig config) {
        this.store = store;
        this.checks = checks;
        this.results = results;
        this.owner = instance.name();
        this.audit = audit;
        this.origin = origin;
        this.reports = reports;
        this.settings = WatchSettings.of(config);
    }

    /** @throws ProblemException (404) when there is no such data source */
    public SourceReadinessResponse get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = store.getConnection()) {
                WatchStore.Latest latest = WatchStore.read(connection, id, false).orElseThrow(() -> DataSourceNotFound.of(id));
                return response(id, latest, WatchStore.history(connection, id, settings.historyLimit(), reports));
            }
        });
    }

    /**
     * Checks the source now and stores the result like a background check.
     *
     * @throws ProblemException (404, 409) when there is no such source, or it is being checked
     * @throws RecheckTooSoon   within DSM_WATCH_RECHECK_MIN_INTERVAL of the last re-check
     * @throws TooManyTests     when DSM_TEST_CONCURRENCY tests are already running
     */
    public SourceReadinessResponse recheck(UUID id) {
        claim(id);
        String actor = origin.actor();
        Instant startedAt = Instant.now();
        SourceCheck.Checked checked;
        try {
            checked = checks.askedFor(id);
        } catch (RuntimeException e) {
            release(id);
            throw e;
        }
        Optional<CheckResults.Stored> stored = results.store(id, owner, checked, startedAt, actor);
        ReadinessStates states = ReadinessStates.of(checked.outcome().result());
        audit.recordSeparately(AuditEntry.ofDataSource(AuditAction.READINESS_RECHECKED,
                states.fit() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, id,
                checked.identifier(), List.of(), "Re-checked: " + states.state() + ", " + states.blockers() + " blockers, "
                        + states.warnings() + " warnings" + (stored.isEmpty() ? " (not stored: the source changed meanwhile)" : "")));
        return get(id);
    }

    private void claim(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = store.getConnection()) {
                WatchStore.Latest latest = WatchStore.read(connection, id, true).orElseThrow(() -> DataSourceNotFound.of(id));
                if (latest.claimed()) {
                    throw ProblemException.conflict(Text.of("problem.recheck-in-progress"), List.of());
                }
                if (latest.manualCheckAt() != null) {
                    Duration since = Duration.between(latest.manualCheckAt(), Instant.now());
                    Duration wait = settings.recheckMinInterval().minus(since);
                    if (!wait.isNegative() && !wait.isZero()) {
                        throw new RecheckTooSoon(Math.max(1, (wait.toMillis() + 999) / 1000));
                    }
                }
                WatchStore.claimForRecheck(connection, id, owner, settings.claimTtl());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void release(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = store.getConnection()) {
                WatchStore.release(connection, id, owner, Instant.now().plus(settings.interval()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private SourceReadinessResponse response(UUID id, WatchStore.Latest latest, List<io.dsm.watch.api.ReadinessChange> history)
            throws JsonProcessingException {
        ConnectionTestResult report = latest.report() == null ? null : reports.readValue(latest.report(), ConnectionTestResult.class);
        return new SourceReadinessResponse(id, latest.state(), latest.checkedAt(), settings.enabled() ? latest.nextCheckAt() : null,
                latest.blockers(), latest.warnings(), latest.accepted(), settings.interval().toSeconds(), report, history);
    }
}
