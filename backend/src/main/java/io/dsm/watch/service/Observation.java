package io.dsm.watch.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.api.ConnectionTestResult;
import io.dsm.readiness.FindingSeverity;

/**
 * Something a check found that the history follows: a failed connection check, or a readiness
 * finding worth acting on (a blocker or a warning). Two observations are the same when their key is.
 */
record Observation(String check, CheckTarget target, FindingSeverity severity, Text message) {

    String key() {
        return check + "|" + target + "|" + severity;
    }

    /** What a report found, by key, in the report's order. */
    static Map<String, Observation> of(ConnectionTestResult result) {
        Map<String, Observation> found = new LinkedHashMap<>();
        if (result == null) {
            return found;
        }
        result.checks().stream().filter(check -> check.status() == CheckStatus.FAILED)
                .map(check -> new Observation("connection." + check.name().name().toLowerCase(java.util.Locale.ROOT),
                        check.target(), FindingSeverity.BLOCKER, Text.verbatim(check.message())))
                .forEach(observation -> found.putIfAbsent(observation.key(), observation));
        result.readiness().findings().stream().filter(finding -> finding.severity() != FindingSeverity.INFO)
                .map(finding -> new Observation(finding.check().id(), finding.target(), finding.severity(), finding.message()))
                .forEach(observation -> found.putIfAbsent(observation.key(), observation));
        return found;
    }
}
