package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
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
            findings.pass(ReadinessCheck.SERVER_RECOVERY, Text.of("server.recovery.notInRecovery"));
            return;
        }
        if (major < FIRST_STANDBY_DECODING) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, BLOCKER, Text.of("server.recovery.cannotDecode", major),
                    Text.of("server.recovery.cannotDecode.hint"), null);
            return;
        }
        SlotProbe probe = facts.replication().probe();
        if (probe != null && probe.outcome() == SlotProbe.Outcome.REFUSED) {
            // What the catalog of a standby cannot see, such as the primary's wal_level, the server says here.
            findings.add(ReadinessCheck.SERVER_RECOVERY, BLOCKER, Text.of("server.recovery.slotRefused", probe.message(),
                    probe.sqlState()), Text.of("server.recovery.slotRefused.hint"), null);
            return;
        }
        SessionFacts session = facts.session();
        if (session == null) {
            return;
        }
        boolean feedback = session.setting(SessionFacts.FEEDBACK).map(SessionFacts.Setting::on).orElse(false);
        // A setting the server does not show this user is absent: then nothing is claimed about it.
        Optional<String> primarySlot = session.setting(SessionFacts.PRIMARY_SLOT).map(SessionFacts.Setting::value);
        Text needs = Text.of("server.recovery.needsLogicalPrimary", major);
        Text waitForSnapshot = Text.of("server.recovery.wait");
        Text wait = probe == null ? waitForSnapshot : Words.paragraph(List.of(waitForSnapshot, probed(probe)));
        List<Text> missing = new ArrayList<>();
        if (!feedback) {
            missing.add(Text.of("server.recovery.feedbackOff"));
        }
        if (primarySlot.filter(String::isEmpty).isPresent()) {
            missing.add(Text.of("server.recovery.noPrimarySlot"));
        }
        Text slotShown = primarySlot.map(Text::verbatim).orElseGet(() -> Text.of("server.recovery.primarySlotHidden"));
        if (!missing.isEmpty()) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, WARNING, Text.of("server.recovery.unprotected", needs,
                    Words.and(missing)), Text.of("server.recovery.unprotected.hint", wait), feedback ? null : FEEDBACK_ON);
        } else if (major < FIRST_FAILOVER_SLOTS) {
            findings.add(ReadinessCheck.SERVER_RECOVERY, INFO, Text.of("server.recovery.noFailoverSlots", slotShown, needs, major),
                    wait, null);
        } else {
            findings.pass(ReadinessCheck.SERVER_RECOVERY, Text.of("server.recovery.protected", slotShown, needs, wait));
        }
    }

    /** What dsm's temporary slot showed on the standby, in a sentence. */
    private static Text probed(SlotProbe probe) {
        return Text.of(probe.outcome() == SlotProbe.Outcome.CREATED ? "server.recovery.probeCreated"
                : "server.recovery.probeWaited", probe.millis());
    }

    private static void standbyReads(InspectionFacts facts, Findings findings) {
        if (!facts.basics().inRecovery()) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, Text.of("server.standbyReads.notInRecovery"));
            return;
        }
        SessionFacts session = facts.session();
        boolean feedback = session.setting(SessionFacts.FEEDBACK).map(SessionFacts.Setting::on).orElse(false);
        String delayName = session.receivingWal() ? SessionFacts.STREAMING_DELAY : SessionFacts.ARCHIVE_DELAY;
        Optional<SessionFacts.Setting> delay = session.setting(delayName);
        if (feedback) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, Text.of("server.standbyReads.feedbackOn"));
            return;
        }
        if (delay.isEmpty() || delay.get().number() < 0) {
            findings.pass(ReadinessCheck.SERVER_STANDBY_READS, Text.of("server.standbyReads.replayWaits", delayName));
            return;
        }
        findings.add(ReadinessCheck.SERVER_STANDBY_READS, WARNING, Text.of("server.standbyReads.cancelled", delayName,
                Durations.setting(delay.get().number()), delay.get().origin()), Text.of("server.standbyReads.cancelled.hint",
                        delayName), FEEDBACK_ON);
    }
}
