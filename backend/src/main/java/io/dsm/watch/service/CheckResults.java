package io.dsm.watch.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.i18n.StoredTexts;
import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.config.DsmConfig;
import io.dsm.common.i18n.Text;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.service.SourceCheck;
import io.dsm.datasource.SourceReadinessState;
import io.dsm.watch.api.ReadinessChange;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores what a check found, in one transaction: the latest result, the history of what changed,
 * and, when the state changed or an acceptance expired, its audit event and its webhook event. A result is stored only while
 * its claim holds, so a check that outlived its lease never overwrites a newer one.
 */
@ApplicationScoped
public class CheckResults {

    private final AgroalDataSource store;
    private final AuditLog audit;
    private final ObjectMapper json;
    /** The stored report keeps its texts as keys and arguments, for each reader's language. */
    private final ObjectMapper reports;
    private final WatchSettings settings;
    private final boolean webhook;

    public CheckResults(AgroalDataSource store, AuditLog audit, ObjectMapper json, @StoredTexts ObjectMapper reports,
            DsmConfig config) {
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.reports = reports;
        this.settings = WatchSettings.of(config);
        this.webhook = config.watch().webhookUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** What storing a result did. */
    public record Stored(SourceReadinessState from, ReadinessStates now) {
        boolean changed() {
            return from != now.state();
        }
    }

    /**
     * @param actor who caused the check: the watch, or the user who asked for it
     * @return empty when the claim was lost (another instance may have checked since), or the source is gone
     */
    Optional<Stored> store(UUID id, String owner, SourceCheck.Checked checked, Instant startedAt, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = store.getConnection()) {
                return store(connection, id, owner, checked, startedAt, actor);
            }
        });
    }

    private Optional<Stored> store(Connection connection, UUID id, String owner, SourceCheck.Checked checked, Instant startedAt,
            String actor) throws SQLException, JsonProcessingException {
        if (!WatchStore.holds(connection, id, owner)) {
            return Optional.empty();
        }
        Optional<WatchStore.Latest> latest = WatchStore.read(connection, id, false);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConnectionTestResult result = checked.outcome().result();
        ConnectionTestResult before = latest.get().report() == null ? null
                : reports.readValue(latest.get().report(), ConnectionTestResult.class);
        ReadinessStates now = ReadinessStates.of(result);
        SourceReadinessState from = latest.get().state();
        List<Observation> expired = Observation.expiredAcceptances(before, result, checkedAt);
        Text summary = HistoryDiff.summary(now, result, expired);
        List<ReadinessChange> changes = HistoryDiff.between(from, before, now, result, summary, actor, checkedAt);
        WatchStore.addHistory(connection, id, changes, reports);
        WatchStore.pruneHistory(connection, id, settings.historyLimit(), settings.historyRetention());
        WatchStore.saveResult(connection, id, owner, now, startedAt, checkedAt, nextCheckAt(startedAt, result),
                reports.writeValueAsString(result), json.writeValueAsString(checked.outcome().slots()), checked.identifier());
        Stored stored = new Stored(from, now);
        // An expired acceptance is reported like a state change even when the state stays: its finding counts again.
        if (stored.changed() || !expired.isEmpty()) {
            audit.recordAs(AuditEntry.ofDataSource(AuditAction.READINESS_CHANGED,
                    now.fit() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, id,
                    checked.identifier(), List.of(), from + " → " + now.state() + ": " + summary.english()), actor);
            if (webhook) {
                Collection<Observation> observed = Observation.of(result).values();
                ReadinessEvent event = new ReadinessEvent(UUID.randomUUID(), ReadinessEvent.TYPE, checkedAt,
                        new ReadinessEvent.Source(id, checked.identifier()), from, now.state(), now.blockers(), now.warnings(),
                        now.accepted(), summary.english(),
                        observed.stream().filter(Observation::open).map(ReadinessEvent::found).toList(),
                        observed.stream().filter(o -> !o.open()).map(ReadinessEvent::accepted).toList(),
                        expired.stream().map(ReadinessEvent::accepted).toList(), actor);
                WebhookOutbox.enqueue(connection, event.id(), json.writeValueAsString(event));
            }
        }
        return Optional.of(stored);
    }

    /**
     * The next check is due an interval after this one started, or when the first acceptance this report applied
     * expires, if sooner: its finding then counts again, and the state, history and webhook say so at once.
     */
    private Instant nextCheckAt(Instant startedAt, ConnectionTestResult result) {
        Instant interval = startedAt.plus(settings.interval());
        return Observation.of(result).values().stream().filter(o -> !o.open()).map(o -> o.accepted().expiresAt())
                .filter(Objects::nonNull).filter(interval::isAfter).min(Comparator.naturalOrder()).orElse(interval);
    }
}
