package io.dsm.connection.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.dsm.datasource.service.RequestRules;
import io.dsm.datasource.service.Requester;

/** Tests a data source as typed in a form, or as stored (optionally with edits). Nothing is stored. */
@ApplicationScoped
public class ConnectionTestService {

    private final RequestRules requests;
    private final StoredConnections stored;
    private final ConnectionTester tester;
    private final AuditLog audit;
    private final PasswordSources sources;

    public ConnectionTestService(RequestRules requests, StoredConnections stored, ConnectionTester tester, AuditLog audit,
            PasswordSources sources) {
        this.sources = sources;
        this.requests = requests;
        this.stored = stored;
        this.tester = tester;
        this.audit = audit;
    }

    public ConnectionTestResult testUnsaved(DataSourceInput input, Requester requester) {
        requests.admit(null, input, Purpose.TEST, requester,
                new RequestRules.Attempt(AuditAction.CONNECTION_TESTED, null, input.identifier()));
        Password primary = sources.of(input.password(), input.passwordRef());
        Password typedStandby = input.standby() == null ? null : sources.of(input.standby().password(), input.standby().passwordRef());
        Password standby = typedStandby != null ? typedStandby : primary;
        List<ConnectionSpec> specs = ConnectionSpecs.of(input, primary, standby);
        return recorded(null, input.identifier(), specs, tester.test(specs, List.of()));
    }

    public ConnectionTestResult testStored(UUID id, Optional<DataSourceInput> edited, Requester requester) {
        StoredConnections.Loaded loaded = edited.isPresent() ? stored.load(id, edited.get(), requester) : stored.load(id);
        String detail = edited.isPresent() ? " (with edited fields)" : "";
        return recorded(id, loaded.identifier(), loaded.specs(), tester.test(loaded.specs(), loaded.accepted()), detail);
    }

    private ConnectionTestResult recorded(UUID id, String identifier, List<ConnectionSpec> specs, ConnectionTestResult result) {
        return recorded(id, identifier, specs, result, "");
    }

    /** Every test that ran is audited: who reached into which network address, and what they found. */
    private ConnectionTestResult recorded(UUID id, String identifier, List<ConnectionSpec> specs, ConnectionTestResult result,
            String suffix) {
        String failed = result.checks().stream().filter(c -> c.status() == CheckStatus.FAILED)
                .map(c -> c.target() + " " + c.name()).collect(Collectors.joining(", "));
        String verdicts = result.readiness().verdicts().stream().map(v -> v.summary().english())
                .collect(Collectors.joining("; "));
        String detail = specs.stream().map(ConnectionSpec::toString).collect(Collectors.joining("; "))
                + (failed.isEmpty() ? ": passed" : ": failed " + failed) + suffix + ". " + verdicts;
        audit.recordSeparately(AuditEntry.ofDataSource(AuditAction.CONNECTION_TESTED,
                result.success() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, id, identifier, List.of(), detail));
        return result;
    }
}
