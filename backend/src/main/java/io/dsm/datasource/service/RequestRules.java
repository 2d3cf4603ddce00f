package io.dsm.datasource.service;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.ProblemType;
import io.dsm.common.problem.Violation;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules.Purpose;

/**
 * The checks of a data source sent through the API (a create, an update, a test), in one order for
 * all of them: password references the requester may not give (403), before anything looks at them;
 * then the field rules (400); then saved passwords that the edit would send to another endpoint (400,
 * see {@link PasswordScope}). A refusal of a reference or of a moved password is audited as a
 * failure, naming the field, before anything is dialed or written.
 */
@Singleton
public class RequestRules {

    @Inject
    DataSourceRules rules;
    @Inject
    AuditLog audit;

    /** What the request attempts, for the audit record of a refusal. */
    public record Attempt(AuditAction action, UUID dataSourceId, String identifier) {
    }

    /**
     * @param saved the stored data source an update or a test edits, or null for a new one
     * @return where the saved passwords may still be used
     * @throws ProblemException 403 naming a reference the requester may not give, 400 naming invalid fields or a
     *         password to give again
     */
    public PasswordScope admit(StoredSource saved, DataSourceInput input, Purpose purpose, Requester requester,
            Attempt attempt) {
        PasswordScope scope = PasswordScope.of(saved, input);
        List<Violation> forbidden = scope.forbiddenReferences(requester.mayNameReferences());
        if (!forbidden.isEmpty()) {
            throw refused(attempt, new ProblemException(ProblemType.FORBIDDEN,
                    Text.of("problem.password-ref.admin-only"), forbidden), forbidden);
        }
        rules.check(input, purpose);
        List<Violation> missing = scope.passwordsToGiveAgain(requester.mayNameReferences());
        if (!missing.isEmpty()) {
            throw refused(attempt, ProblemException.invalid(missing), missing);
        }
        return scope;
    }

    /** Recorded on its own: the request's transaction, if any, rolls back with the refusal. */
    private ProblemException refused(Attempt attempt, ProblemException refusal, List<Violation> violations) {
        String detail = "Refused before connecting or storing anything: " + violations.stream()
                .map(v -> v.field() + " " + v.message().english()).collect(Collectors.joining("; "));
        audit.recordSeparately(AuditEntry.ofDataSource(attempt.action(), AuditOutcome.FAILURE, attempt.dataSourceId(),
                attempt.identifier(), List.of(), detail));
        return refusal;
    }
}
