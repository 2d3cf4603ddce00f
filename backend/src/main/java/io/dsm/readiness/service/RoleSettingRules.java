package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
            findings.pass(ReadinessCheck.ROLE_READ_ONLY, "The user's transactions can write (default_transaction_read_only is off).");
            return;
        }
        boolean heartbeat = facts.subject().heartbeatSchema().isPresent();
        boolean publicationNeeded = facts.completePublication().isEmpty() && facts.scope().tables() > 0;
        List<String> failing = new ArrayList<>();
        if (publicationNeeded) {
            failing.add("CREATE PUBLICATION");
        }
        if (heartbeat) {
            failing.add("the heartbeat's writes");
        }
        String what = failing.isEmpty() ? "anything the project writes on the source (a publication it creates later)"
                : String.join(" and ", failing);
        findings.add(ReadinessCheck.ROLE_READ_ONLY, failing.isEmpty() ? WARNING : BLOCKER, "default_transaction_read_only is on "
                + "for user " + facts.user() + " in this database (" + readOnly.get().origin() + "): every transaction of the "
                + "project's sessions is read-only, so " + what + " fail" + (failing.isEmpty() ? "s" : "")
                + " with \"cannot execute ... in a read-only transaction\" (SQLSTATE 25006).",
                "Run it as a superuser or as the user itself. BEGIN READ WRITE lets it run where the setting is on for the "
                        + "session that runs it too.",
                "BEGIN READ WRITE;\n" + alterForUser(facts, SessionFacts.READ_ONLY, "off") + "\nCOMMIT;");
    }

    private static void connectionLimit(InspectionFacts facts, SessionFacts session, Findings findings) {
        String user = "user " + facts.user();
        if (facts.basics().superuser()) {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, "User " + facts.user() + " is a superuser: no connection "
                    + "limit applies to it.");
            return;
        }
        String database = SqlIdentifiers.quote(facts.subject().databaseName());
        List<String> limits = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        long free = freeConnections(facts);
        if (facts.basics().connectionLimit() >= 0) {
            limits.add(user + " has CONNECTION LIMIT " + facts.basics().connectionLimit() + " with "
                    + SqlNames.count(session.roleSessions(), "other session", "other sessions") + " open");
            fixes.add("ALTER ROLE " + facts.userIdentifier() + " CONNECTION LIMIT -1;");
        }
        if (session.databaseConnectionLimit() >= 0) {
            limits.add("database " + database + " has CONNECTION LIMIT " + session.databaseConnectionLimit() + " with "
                    + SqlNames.count(session.databaseSessions(), "other session", "other sessions") + " open");
            fixes.add("ALTER DATABASE " + database + " CONNECTION LIMIT -1;");
        }
        if (limits.isEmpty()) {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, "No connection limit applies to " + user + " or database "
                    + database + ".");
            return;
        }
        boolean walSenderCounts = facts.subject().major() <= SessionFacts.LAST_COUNTING_WAL_SENDERS;
        String counted = String.join(", and ", limits) + (walSenderCounts ? " (dsm's own test connections left out): "
                : " (dsm's own test connection left out; WAL senders do not count): ")
                + SqlNames.count(free, "connection is", "connections are") + " left for the project";
        String fix = String.join("\n", fixes);
        int wanted = facts.subject().limits().projectSessions();
        String hint = "Or raise the limit so that the project's sessions (DSM_READINESS_PROJECT_SESSIONS: " + wanted + ") fit.";
        if (free < 1) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, BLOCKER, counted + ": the project's first session is refused "
                    + "with \"too many connections\" (SQLSTATE 53300).", hint, fix);
        } else if (walSenderCounts && free < 2 && facts.incremental()) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, BLOCKER, counted + ": PostgreSQL " + facts.subject().major()
                    + " counts a WAL sender against the limit like a session, so incremental sync's session and WAL sender "
                    + "cannot both connect (SQLSTATE 53300, \"too many connections\").", hint, fix);
        } else if (free < wanted) {
            findings.add(ReadinessCheck.ROLE_CONNECTION_LIMIT, WARNING, counted + ", fewer than the " + wanted + " sessions a "
                    + "project opens at once; the server refuses the next with \"too many connections\" (SQLSTATE 53300).",
                    hint, fix);
        } else {
            findings.pass(ReadinessCheck.ROLE_CONNECTION_LIMIT, counted + ".");
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
            findings.pass(ReadinessCheck.ROLE_TIMEOUTS, "No statement_timeout, idle_in_transaction_session_timeout or "
                    + "transaction_timeout applies to the user's sessions.");
            return;
        }
        SessionFacts.ScopeSize size = Optional.ofNullable(session.scopeSize()).orElse(new SessionFacts.ScopeSize(null, 0, 0));
        boolean cuts = false;
        List<String> parts = new ArrayList<>();
        for (String name : set) {
            SessionFacts.Setting setting = session.setting(name).orElseThrow();
            boolean perStatement = SessionFacts.STATEMENT_TIMEOUT.equals(name);
            long pages = perStatement ? size.largestPages() : size.pages();
            long needed = readMillis(pages);
            boolean shorter = setting.number() < needed;
            cuts |= shorter;
            String read = perStatement
                    ? (size.largest() == null ? "no table in scope has counted pages yet"
                            : "reading " + size.largest() + ", the largest table in scope (" + Bytes.readable(pages * PAGE_BYTES)
                                    + "), takes about " + Durations.setting(Math.max(1, needed)))
                    : "a copy of all tables in scope (" + Bytes.readable(pages * PAGE_BYTES) + ") takes about "
                            + Durations.setting(Math.max(1, needed)) + " in one transaction";
            parts.add(name + " is " + Durations.setting(setting.number()) + " (" + setting.origin() + "): " + read
                    + (shorter ? ", so the server cancels it" : ", and " + (perStatement ? "a statement" : "a transaction")
                            + " that takes longer is cut"));
        }
        String fix = set.stream().map(name -> alterForUser(facts, name, "0")).collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.ROLE_TIMEOUTS, cuts ? BLOCKER : WARNING, String.join("; ", parts) + ". Sizes are estimated "
                + "at 100 MB/s from the pages counted by the last VACUUM or ANALYZE.",
                "A full migration reads each table in one statement, and may hold one transaction (its snapshot) open "
                        + "for the whole copy.", fix);
    }

    private static void passwordExpiry(InspectionFacts facts, Findings findings) {
        ServerBasics.PasswordExpiry expiry = facts.basics().passwordExpiry();
        String user = "user " + facts.user();
        if (expiry == null) {
            findings.pass(ReadinessCheck.ROLE_PASSWORD_EXPIRY, "The password of " + user + " does not expire.");
            return;
        }
        long warning = facts.subject().limits().passwordExpiryWarning().toSeconds();
        String when = expiry.secondsLeft() <= 0 ? "expired " + expiry.at() + ", " + Durations.seconds(expiry.secondsLeft()) + " ago"
                : "expires " + expiry.at() + ", in " + Durations.seconds(expiry.secondsLeft());
        if (expiry.secondsLeft() >= warning) {
            findings.pass(ReadinessCheck.ROLE_PASSWORD_EXPIRY, "The password of " + user + " " + when + ".");
            return;
        }
        findings.add(ReadinessCheck.ROLE_PASSWORD_EXPIRY, WARNING, "The password of " + user + " " + when + ": no session of "
                + "the project can sign in with it after that (SQLSTATE 28P01).",
                "Or set VALID UNTIL to a moment after the migration ends.",
                "ALTER ROLE " + facts.userIdentifier() + " VALID UNTIL 'infinity';");
    }
}
