package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.readiness.ReadinessCheck;

/**
 * A server in recovery: whether incremental sync can decode on it at all (PostgreSQL 16 brought
 * decoding on a standby), and whether replay cancels a full migration's long reads of it.
 */
final class RecoveryRules {

    static final int FIRST_STANDBY_DECODING = 16;
    static final int FIRST_FAILOVER_SLOTS = 17;
    private static final String FEEDBACK_ON = "ALTER SYSTEM SET hot_standby_feedback = on;\nSELECT pg_reload_conf();";

    private RecoveryRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        if (facts.incremental()) {
            recovery(facts, findings);
        }
        if (findings.applies(ReadinessCheck.SERVER_STANDBY_READS) && facts.session() != null) {
            standbyReads(facts, findings);
        }
    }

    private static void recovery(InspectionFacts facts, Findings findings) {
        int major = facts.subject().major();
        if (!facts.basics().inRecovery()) {
            findings.pass(ReadinessCheck.SERVER_RECOVERY, "The server is not in recovery: it decodes its own changes.");
            return;
        }
        if (major < FIRST_STANDBY_DECODING) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, BLOCKER, "The server is in recovery (a standby), and PostgreSQL "
                    + major + " cannot decode on a standby: incremental sync cannot create its replication slot here.",
                    "Point incremental sync at the primary (decoding on a standby came with PostgreSQL 16).", null);
            return;
        }
        SlotProbe probe = facts.replication().probe();
        if (probe != null && probe.outcome() == SlotProbe.Outcome.REFUSED) {
            // What the catalog of a standby cannot see, such as the primary's wal_level, the server says here.
            findings.add(ReadinessCheck.SERVER_RECOVERY, BLOCKER, "The server is in recovery (a standby), and refused to create "
                    + "a temporary logical slot for dsm: " + probe.message() + " (SQLSTATE " + probe.sqlState() + ").",
                    "A project's slot would be refused the same way: follow the server's message, or point incremental sync "
                            + "at the primary.", null);
            return;
        }
        SessionFacts session = facts.session();
        if (session == null) {
            return;
        }
        boolean feedback = session.setting(SessionFacts.FEEDBACK).map(SessionFacts.Setting::on).orElse(false);
        // A setting the server does not show this user is absent: then nothing is claimed about it.
        Optional<String> primarySlot = session.setting(SessionFacts.PRIMARY_SLOT).map(SessionFacts.Setting::value);
        String needs = "PostgreSQL " + major + " decodes on a standby when the primary runs wal_level = logical (the "
                + "standby cannot see it: a slot creation fails with \"logical decoding on standby requires wal_level >= "
                + "logical on the primary\" otherwise).";
        String wait = " Creating the slot waits for the primary's next running-transactions record: SELECT "
                + "pg_log_standby_snapshot(); on the primary ends the wait." + probed(probe);
        List<String> missing = new ArrayList<>();
        if (!feedback) {
            missing.add("hot_standby_feedback is off");
        }
        if (primarySlot.filter(String::isEmpty).isPresent()) {
            missing.add("no primary_slot_name is set");
        }
        if (!missing.isEmpty()) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, WARNING, "The server is in recovery (a standby). " + needs + " But "
                    + String.join(" and ", missing) + ": the primary's vacuum can remove catalog rows the project's slot "
                    + "still needs, and the standby then invalidates the slot (rows_removed): the project must start over.",
                    "Turn hot_standby_feedback on, and stream from a physical slot on the primary (SELECT "
                            + "pg_create_physical_replication_slot('standby1'); on the primary, primary_slot_name = 'standby1' "
                            + "on the standby, then SELECT pg_reload_conf();)." + wait,
                    feedback ? null : FEEDBACK_ON);
        } else if (major < FIRST_FAILOVER_SLOTS) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, INFO, "The server is in recovery (a standby) with hot_standby_feedback "
                    + "on and primary_slot_name " + primarySlot.orElse("(not shown to this user)") + ". " + needs + " A slot on a PostgreSQL " + major
                    + " standby does not follow a failover: after one, the project must start over (failover slots came "
                    + "with 17).", wait.strip(), null);
        } else {
            findings.pass(ReadinessCheck.SERVER_RECOVERY, "The server is in recovery (a standby) with hot_standby_feedback on "
                    + "and primary_slot_name " + primarySlot.orElse("(not shown to this user)") + ". " + needs + wait);
        }
    }

    /** What dsm's temporary slot showed on the standby, in a sentence, or nothing when it did not run. */
    private static String probed(SlotProbe probe) {
        if (probe == null) {
            return "";
        }
        return probe.outcome() == SlotProbe.Outcome.CREATED
                ? " dsm's temporary slot was created here in " + probe.millis() + " ms."
                : " dsm's temporary slot was still waiting for it after " + probe.millis() + " ms.";
    }

    private static void standbyReads(InspectionFacts facts, Findings findings) {
        if (!facts.basics().inRecovery()) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, "The server is not in recovery: no replay cancels its reads.");
            return;
        }
        SessionFacts session = facts.session();
        boolean feedback = session.setting(SessionFacts.FEEDBACK).map(SessionFacts.Setting::on).orElse(false);
        String delayName = session.receivingWal() ? SessionFacts.STREAMING_DELAY : SessionFacts.ARCHIVE_DELAY;
        Optional<SessionFacts.Setting> delay = session.setting(delayName);
        if (feedback) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, "hot_standby_feedback is on: the primary keeps the rows "
                    + "the standby's reads still see, so replay does not cancel a long read for them.");
            return;
        }
        if (delay.isEmpty() || delay.get().number() < 0) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, delayName + " is -1: replay waits for the standby's reads "
                    + "rather than cancel them (the standby lags behind meanwhile).");
            return;
        }
        String shown = Durations.setting(delay.get().number());
        findings.add(ReadinessCheck.SERVER_STANDBY_READS, WARNING, "hot_standby_feedback is off and " + delayName + " is "
                + shown + " (" + delay.get().origin() + "): a full-migration read of this standby that still sees rows the "
                + "primary's vacuum removed is cancelled " + shown + " after replay reaches that vacuum (SQLSTATE 40001, "
                + "\"canceling statement due to conflict with recovery\").",
                "Run it on the standby: the primary then keeps the rows the standby's reads need, so its tables may bloat "
                        + "while a long read runs. Or set " + delayName + " = -1: replay then waits for the reads, and the "
                        + "standby lags behind meanwhile.",
                FEEDBACK_ON);
    }
}
