package io.dsm.connection.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.acceptance.service.AcceptedRisks;
import io.dsm.acceptance.service.LiveAcceptance;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.connection.service.StoredConnectionSpecs.StoredPasswords;
import io.dsm.audit.AuditAction;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.dsm.datasource.service.PasswordScope;
import io.dsm.datasource.service.RequestRules;
import io.dsm.datasource.service.Requester;
import io.dsm.datasource.service.StoredDataSources;
import io.dsm.datasource.StoredSource;

/**
 * Reads a stored data source for a test, in a short transaction of its own, so that no store
 * connection is held while the test waits on the network.
 */
@ApplicationScoped
public class StoredConnections {

    private final StoredDataSources dataSources;
    private final StoredConnectionSpecs specs;
    private final PasswordSources sources;
    private final RequestRules requests;
    private final AcceptedRisks acceptedRisks;

    public StoredConnections(StoredDataSources dataSources, StoredConnectionSpecs specs, PasswordSources sources,
            RequestRules requests, AcceptedRisks acceptedRisks) {
        this.acceptedRisks = acceptedRisks;
        this.dataSources = dataSources;
        this.specs = specs;
        this.sources = sources;
        this.requests = requests;
    }

    /** What to test, the stored identifier it belongs to, and the acceptances in force that its report applies. */
    public record Loaded(String identifier, List<ConnectionSpec> specs, List<LiveAcceptance> accepted) {
    }

    /** The stored data source, as stored. */
    public Loaded load(UUID id) {
        StoredSource stored = dataSources.get(id);
        return new Loaded(stored.identifier(), specs.of(stored), acceptedRisks.liveFor(id));
    }

    /**
     * The edited data source with the stored passwords where none were typed, for endpoints that did not move: an edit
     * that would send a saved password elsewhere is refused first, and nothing is opened or dialed.
     */
    public Loaded load(UUID id, DataSourceInput input, Requester requester) {
        StoredSource stored = dataSources.get(id);
        PasswordScope scope = requests.admit(stored, input, Purpose.TEST_STORED, requester,
                new RequestRules.Attempt(AuditAction.CONNECTION_TESTED, stored.id(), stored.identifier()));
        StoredPasswords kept = specs.passwords(stored);
        Password typed = sources.of(input.password(), input.passwordRef());
        Password primary = typed != null ? typed : kept.primary();
        Password typedStandby = input.standby() == null ? null : sources.of(input.standby().password(), input.standby().passwordRef());
        // A moved standby takes the primary's password only when it was given with this request: admit() saw to that.
        Password standby = typedStandby != null ? typedStandby
                : scope.keepsStandbyPassword() ? kept.standby().orElse(primary) : primary;
        return new Loaded(stored.identifier(), ConnectionSpecs.of(input, primary, standby), acceptedRisks.liveFor(id));
    }
}
