package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;

/**
 * Collects what the rules found on one endpoint. A finding concerns the scopes of its check that
 * this endpoint serves: a standby of a pair serves full migration only, whatever the check.
 */
final class Findings {

    private final Set<ReadinessScope> served;
    private final List<Finding> found = new ArrayList<>();
    private final List<PassedCheck> passed = new ArrayList<>();

    Findings(Set<ReadinessScope> served) {
        this.served = served;
    }

    /** Whether the check concerns a scope this endpoint serves; the rules run only the checks that do. */
    boolean applies(ReadinessCheck check) {
        return check.scopes().stream().anyMatch(served::contains);
    }

    void pass(ReadinessCheck check, String message) {
        passed.add(new PassedCheck(check, message));
    }

    void add(ReadinessCheck check, FindingSeverity severity, String message, String hint, String fixSql) {
        add(check, severity, message, hint, fixSql, ObjectList.NONE);
    }

    void add(ReadinessCheck check, FindingSeverity severity, String message, String hint, String fixSql, ObjectList objects) {
        found.add(new Finding(check, servedOf(check, check.scopes()), severity, message, hint, fixSql, objects.shown(),
                objects.total()));
    }

    /**
     * A finding about some of the check's scopes only, where its severity differs by scope: one free
     * connection blocks incremental sync (a session and a WAL sender) but not full migration.
     */
    void add(ReadinessCheck check, Set<ReadinessScope> only, FindingSeverity severity, String message, String hint,
            String fixSql) {
        Set<ReadinessScope> scopes = servedOf(check, only);
        if (!scopes.isEmpty()) {
            found.add(new Finding(check, scopes, severity, message, hint, fixSql, List.of(), 0));
        }
    }

    private Set<ReadinessScope> servedOf(ReadinessCheck check, Set<ReadinessScope> only) {
        Set<ReadinessScope> scopes = EnumSet.noneOf(ReadinessScope.class);
        check.scopes().stream().filter(served::contains).filter(only::contains).forEach(scopes::add);
        return scopes;
    }

    ReadinessOutcome outcome() {
        return ReadinessOutcome.inspected(found, passed);
    }
}
