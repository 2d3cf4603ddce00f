package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.Check;

/**
 * The checks of one endpoint, in their order: each that ran, and after a failure, every later one
 * as skipped, so that the report always lists the same checks for the same kind of endpoint. Their
 * messages and hints wait as texts for the language of whoever reads the report.
 */
final class CheckList {

    private final ConnectionSpec spec;
    private final List<Check> checks = new ArrayList<>();

    CheckList(ConnectionSpec spec) {
        this.spec = spec;
    }

    List<Check> checks() {
        return checks;
    }

    void record(CheckName name, CheckResult result) {
        add(name, result.status(), result.message(), result.hint(), result.sqlState());
    }

    /** Writes the check again, as {@code result} says now, in its place. */
    void replace(CheckName name, CheckResult result) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).name() == name) {
                checks.set(i, check(name, result.status(), result.message(), result.hint(), result.sqlState()));
            }
        }
    }

    void pass(CheckName name, Text message) {
        add(name, CheckStatus.PASSED, message, null, null);
    }

    /** A failure before the checks that need a session: the checks before it passed, those after it are skipped. */
    void fail(Failure failure) {
        for (CheckName name : applicable()) {
            if (name == failure.check()) {
                add(name, CheckStatus.FAILED, failure.message(), failure.hint(), failure.sqlState());
                skipAfter(name);
                return;
            }
            if (checks.stream().noneMatch(c -> c.name() == name)) {
                pass(name, passedBefore(name));
            }
        }
    }

    /** A failure after the connection was made (a lost connection, the budget ran out): the next check failed. */
    void failNext(Text message, String sqlState) {
        Set<CheckName> done = EnumSet.noneOf(CheckName.class);
        checks.forEach(check -> done.add(check.name()));
        CheckName next = applicable().stream().filter(name -> !done.contains(name)).findFirst().orElse(CheckName.REPLICATION);
        add(next, CheckStatus.FAILED, message, Text.of("check.late.hint"), sqlState);
        skipAfter(next);
    }

    private Text passedBefore(CheckName name) {
        return switch (name) {
            case NETWORK -> Text.of("check.network.reached", spec.host(), spec.port());
            case AUTHENTICATION -> Text.of("check.authentication.signed-in", spec.username());
            default -> Text.of("check.passed");
        };
    }

    private void skipAfter(CheckName failed) {
        boolean after = false;
        for (CheckName name : applicable()) {
            if (after) {
                add(name, CheckStatus.SKIPPED, Text.of("check.skipped", failed.toString()), null, null);
            }
            after |= name == failed;
        }
    }

    private List<CheckName> applicable() {
        List<CheckName> names = new ArrayList<>(List.of(CheckName.NETWORK, CheckName.AUTHENTICATION, CheckName.DATABASE,
                CheckName.SCHEMA, CheckName.ROLE));
        if (spec.heartbeat() && spec.expectsPrimary()) {
            names.add(CheckName.HEARTBEAT);
        }
        if (spec.expectsPrimary()) {
            names.add(CheckName.REPLICATION);
        }
        return names;
    }

    private void add(CheckName name, CheckStatus status, Text message, Text hint, String sqlState) {
        checks.add(check(name, status, message, hint, sqlState));
    }

    private Check check(CheckName name, CheckStatus status, Text message, Text hint, String sqlState) {
        return new Check(spec.target(), name, status, message, hint, sqlState);
    }
}
