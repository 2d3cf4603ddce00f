package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.dsm.common.i18n.Text;
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

    void pass(ReadinessCheck check, Text message) {
        passed.add(new PassedCheck(check, message));
    }

    void add(ReadinessCheck check, FindingSeverity severity, Text message, Text hint, String fixSql) {
        add(check, severity, message, hint, fixSql, ObjectList.NONE);
    }

    void add(ReadinessCheck check, FindingSeverity severity, Text message, Text hint, String fixSql, ObjectList objects) {
        Set<ReadinessScope> scopes = EnumSet.noneOf(ReadinessScope.class);
        check.scopes().stream().filter(served::contains).forEach(scopes::add);
        found.add(new Finding(check, scopes, severity, message, hint, fixSql, objects.shown(), objects.total()));
    }

    ReadinessOutcome outcome() {
        return ReadinessOutcome.inspected(found, passed);
    }
}
