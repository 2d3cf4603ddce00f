package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/**
 * The role's and the database's settings that stop the project's sessions: read-only transactions,
 * connection limits, timeouts that cut a long copy, a password that expires. Each fix is one
 * statement for the user in this database, which wins over the role's, the database's and the
 * server's value alike.
 */
final class RoleSettingRules {

    /** What a full migration is assumed to read per second, to judge a timeout against the scope's size. */
    static final long READ_BYTES_PER_SECOND = 100L * 1024 * 1024;
    private static final long PAGE_BYTES = 8192;

    private RoleSettingRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        SessionFacts session = facts.session();
        if (session == null) {
            return;
        }
        if (facts.incremental() && !facts.basics().inRecovery()) {
            readOnly(facts, session, findings);
        }
        connectionLimit(facts, session, findings);
        if (findings.applies(ReadinessCheck.ROLE_TIMEOUTS)) {
            timeouts(facts, session, findings);
        }
        passwordExpiry(facts, findings);
    }

    private static String alterForUser(InspectionFacts facts, String setting, String value) {
        return "ALTER ROLE " + facts.userIdentifier() + " IN DATABASE " + SqlIdentifiers.quote(facts.subject().databaseName())
                + " SET " + setting + " = " + value + ";";
    }

    private static void readOnly(InspectionFacts facts, SessionFacts session, Findings findings) {
        Optional<SessionFacts.Setting> readOnly = session.setting(SessionFacts.READ_ONLY).filter(SessionFacts.Setting::on);
        if (readOnly.isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_READ_ONLY, Text.of("role.readOnly.passed"));
            return;
        }
        boolean heartbeat = facts.subject().heartbeatSchema().isPresent();
        boolean publicationNeeded = facts.completePublication().isEmpty() && facts.scope().tables() > 0;
        List<Text> failing = new ArrayList<>();
        if (publicationNeeded) {
            failing.add(Text.of("role.readOnly.createPublication"));
        }
        if (heartbeat) {
            failing.add(Text.of("role.readOnly.heartbeatWrites"));
        }
        Text message = failing.isEmpty() ? Text.of("role.readOnly.foundLater", facts.user(), readOnly.get().origin())
                : Text.of("role.readOnly.found", facts.user(), readOnly.get().origin(), Words.and(failing));
        findings.add(ReadinessCheck.ROLE_READ_ONLY, failing.isEmpty() ? WARNING : BLOCKER, message, Text.of("role.readOnly.hint"),
                "BEGIN READ WRITE;\n" + alterForUser(facts, SessionFacts.READ_ONLY, "off") + "\nCOMMIT;");
    }

    private static void connectionLimit(InspectionFacts facts, SessionFacts session, Findings findings) {
        if (facts.basics().superuser()) {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, Text.of("role.connectionLimit.superuser", facts.user()));
            return;
        }
        String database = SqlIdentifiers.quote(facts.subject().databaseName());
        List<Text> limits = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        long free = freeConnections(facts);
        if (facts.basics().connectionLimit() >= 0) {
            limits.add(Text.of("role.connectionLimit.ofUser", facts.user(), facts.basics().connectionLimit(),
                    session.roleSessions()));
            fixes.add("ALTER ROLE " + facts.userIdentifier() + " CONNECTION LIMIT -1;");
        }
        if (session.databaseConnectionLimit() >= 0) {
            limits.add(Text.of("role.connectionLimit.ofDatabase", database, session.databaseConnectionLimit(),
                    session.databaseSessions()));
            fixes.add("ALTER DATABASE " + database + " CONNECTION LIMIT -1;");
        }
        if (limits.isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, Text.of("role.connectionLimit.none", facts.user(), database));
            return;
        }
        boolean walSenderCounts = facts.subject().major() <= SessionFacts.LAST_COUNTING_WAL_SENDERS;
        Text bothLimits = limits.size() == 1 ? limits.get(0) : Text.of("role.connectionLimit.both", limits.get(0), limits.get(1));
        Text counted = Text.of(walSenderCounts ? "role.connectionLimit.left" : "role.connectionLimit.leftWalSendersUncounted",
                bothLimits, free);
        String fix = String.join("\n", fixes);
        int wanted = facts.subject().limits().projectSessions();
        Text hint = Text.of("role.connectionLimit.hint", wanted);
        if (free < 1) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, BLOCKER, Text.of("role.connectionLimit.noneLeft", counted), hint,
                    fix);
        } else if (walSenderCounts && free < 2 && facts.incremental()) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, BLOCKER, Text.of("role.connectionLimit.walSenderCounts", counted,
                    facts.subject().major()), hint, fix);
        } else if (free < wanted) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, WARNING, Text.of("role.connectionLimit.fewer", counted, wanted),
                    hint, fix);
        } else {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, Text.of("role.connectionLimit.passed", counted));
        }
    }

    /**
     * Connections the user may still open here, under its own limit and the database's, dsm's test left out;
     * {@link Long#MAX_VALUE} where no limit applies (a superuser, or none set, or a server too old to tell).
     */
    private static long freeConnections(InspectionFacts facts) {
        SessionFacts session = facts.session();
        long free = Long.MAX_VALUE;
        if (session == null || facts.basics().superuser()) {
            return free;
        }
        if (facts.basics().connectionLimit() >= 0) {
            free = Math.min(free, Math.max(0, facts.basics().connectionLimit() - session.roleSessions()));
        }
        if (session.databaseConnectionLimit() >= 0) {
            free = Math.min(free, Math.max(0, session.databaseConnectionLimit() - session.databaseSessions()));
        }
        return free;
    }

    /** The largest table or the whole scope, estimated from pages at READ_BYTES_PER_SECOND, in milliseconds. */
    private static long readMillis(long pages) {
        return pages * PAGE_BYTES * 1000 / READ_BYTES_PER_SECOND;
    }

    private static void timeouts(InspectionFacts facts, SessionFacts session, Findings findings) {
        List<String> set = SessionFacts.TIMEOUTS.stream()
                .filter(name -> session.setting(name).map(s -> s.number() > 0).orElse(false)).toList();
        if (set.isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_TIMEOUTS, Text.of("role.timeouts.passed"));
            return;
        }
        SessionFacts.ScopeSize size = Optional.ofNullable(session.scopeSize()).orElse(new SessionFacts.ScopeSize(null, 0, 0));
        boolean cuts = false;
        List<Text> parts = new ArrayList<>();
        for (String name : set) {
            SessionFacts.Setting setting = session.setting(name).orElseThrow();
            boolean perStatement = SessionFacts.STATEMENT_TIMEOUT.equals(name);
            long pages = perStatement ? size.largestPages() : size.pages();
            long needed = readMillis(pages);
            boolean shorter = setting.number() < needed;
            cuts |= shorter;
            String bytes = Bytes.readable(pages * PAGE_BYTES);
            String takes = Durations.setting(Math.max(1, needed));
            Text read = perStatement
                    ? (size.largest() == null ? Text.of("role.timeouts.noPagesCounted")
                            : Text.of("role.timeouts.largestTable", size.largest(), bytes, takes))
                    : Text.of("role.timeouts.wholeCopy", bytes, takes);
            String outcome = shorter ? "role.timeouts.cancels" : perStatement ? "role.timeouts.cutsLongerStatements"
                    : "role.timeouts.cutsLongerTransactions";
            parts.add(Text.of(outcome, name, Durations.setting(setting.number()), setting.origin(), read));
        }
        String fix = set.stream().map(name -> alterForUser(facts, name, "0")).collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.ROLE_TIMEOUTS, cuts ? BLOCKER : WARNING, Text.of("role.timeouts.found", Words.sentences(parts)),
                Text.of("role.timeouts.hint"), fix);
    }

    private static void passwordExpiry(InspectionFacts facts, Findings findings) {
        ServerBasics.PasswordExpiry expiry = facts.basics().passwordExpiry();
        if (expiry == null) {
            findings.pass(ReadinessCheck.ROLE_PASSWORD_EXPIRY, Text.of("role.passwordExpiry.never", facts.user()));
            return;
        }
        long warning = facts.subject().limits().passwordExpiryWarning().toSeconds();
        Text when = Text.of(expiry.secondsLeft() <= 0 ? "role.passwordExpiry.expired" : "role.passwordExpiry.expires", expiry.at(),
                Durations.seconds(expiry.secondsLeft()));
        if (expiry.secondsLeft() >= warning) {
            findings.pass(ReadinessCheck.ROLE_PASSWORD_EXPIRY, Text.of("role.passwordExpiry.passed", facts.user(), when));
            return;
        }
        findings.add(ReadinessCheck.ROLE_PASSWORD_EXPIRY, WARNING, Text.of("role.passwordExpiry.found", facts.user(), when),
                Text.of("role.passwordExpiry.hint"), "ALTER ROLE " + facts.userIdentifier() + " VALID UNTIL 'infinity';");
    }
}
