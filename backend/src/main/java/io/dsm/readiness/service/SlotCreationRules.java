package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/**
 * What the project's slot creation would wait for. The server logs the transactions running when a
 * logical slot is created and waits for each one that holds a transaction id to end, in every
 * database: a forgotten prepared transaction makes it wait until someone commits or rolls it back.
 */
final class SlotCreationRules {

    private SlotCreationRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        SlotProbe probe = facts.replication().probe();
        if (probe != null && probe.outcome() == SlotProbe.Outcome.REFUSED) {
            refused(facts, probe, findings);
            return;
        }
        // On a standby the wait is for the primary's next running-transactions record: server.recovery tells it.
        boolean waited = probe != null && probe.outcome() == SlotProbe.Outcome.WAITED && !facts.basics().inRecovery();
        long thresholdSeconds = facts.subject().limits().longTransaction().toSeconds();
        List<SlotBlocker> prepared = facts.settings().slotBlockers().stream().filter(SlotBlocker::isPrepared).toList();
        List<SlotBlocker> sessions = facts.settings().slotBlockers().stream().filter(b -> !b.isPrepared()).toList();
        List<SlotBlocker> longRunning = sessions.stream().filter(b -> b.seconds() != null && b.seconds() >= thresholdSeconds).toList();
        long hidden = sessions.stream().filter(b -> b.seconds() == null).count();
        Text threshold = Durations.seconds(thresholdSeconds);
        if (prepared.isEmpty() && longRunning.isEmpty() && !waited) {
            List<Text> passed = new ArrayList<>();
            if (probe != null && probe.outcome() == SlotProbe.Outcome.CREATED) {
                passed.add(Text.of("slots.creation.probeCreated", probe.consistentPoint(), probe.millis()));
            }
            passed.add(Text.of("slots.creation.passed", threshold));
            hiddenSessions(hidden).ifPresent(passed::add);
            findings.pass(ReadinessCheck.SLOTS_CREATION, Words.paragraph(passed));
            return;
        }
        List<AffectedObject> objects = new ArrayList<>();
        prepared.forEach(p -> objects.add(new AffectedObject(p.gid(), Text.of("detail.slotCreation.prepared",
                SqlIdentifiers.quote(p.database()), p.role(), Durations.seconds(p.seconds()), p.xidAge()))));
        longRunning.forEach(s -> objects.add(new AffectedObject("pid " + s.pid(), describe(s))));
        List<Text> parts = new ArrayList<>();
        if (waited) {
            parts.add(objects.isEmpty() ? Text.of("slots.creation.probeWaitedUnseen", probe.millis(), threshold)
                    : Text.of("slots.creation.probeWaited", probe.millis()));
        }
        if (!prepared.isEmpty()) {
            parts.add(Text.of("slots.creation.prepared", prepared.size(), Words.sentences(prepared.stream().limit(5)
                    .map(p -> Text.of("slots.creation.preparedAge", SqlIdentifiers.literal(p.gid()), Durations.seconds(p.seconds())))
                    .toList())));
        }
        if (!longRunning.isEmpty()) {
            parts.add(Text.of("slots.creation.longRunning", longRunning.size(), threshold));
        }
        hiddenSessions(hidden).ifPresent(parts::add);
        findings.add(ReadinessCheck.SLOTS_CREATION, prepared.isEmpty() && !waited ? WARNING : BLOCKER, Words.paragraph(parts),
                hint(prepared, longRunning), null, ObjectList.of(objects));
    }

    /** Sessions of other users that hold a transaction id for a time the server does not show this user. */
    private static Optional<Text> hiddenSessions(long hidden) {
        return hidden == 0 ? Optional.empty() : Optional.of(Text.of("slots.creation.hiddenSessions", hidden));
    }

    /**
     * The server refused the probe's slot. wal_level, recovery (server.recovery tells the server's words there)
     * and a full set of slots have findings of their own, with the same cause; anything else is told here.
     */
    private static void refused(InspectionFacts facts, SlotProbe probe, Findings findings) {
        boolean explained = !"logical".equals(facts.basics().walLevel()) || facts.basics().inRecovery()
                || facts.settings().freeSlots() == 0;
        if (!explained) {
            findings.add(ReadinessCheck.SLOTS_CREATION, BLOCKER, Text.of("slots.creation.refused", probe.message(),
                    probe.sqlState()), Text.of("slots.creation.refused.hint"), null);
        }
    }

    private static Text describe(SlotBlocker session) {
        List<Text> detail = new ArrayList<>();
        detail.add(Text.of("detail.slotCreation.openFor", Durations.seconds(session.seconds())));
        if (session.state() != null) {
            detail.add(Text.verbatim(session.state()));
        }
        if (session.applicationName() != null && !session.applicationName().isEmpty()) {
            detail.add(Text.of("detail.slotCreation.application", session.applicationName()));
        }
        detail.add(Text.of("detail.slotCreation.user", session.role()));
        if (session.database() != null) {
            detail.add(Text.of("detail.slotCreation.database", SqlIdentifiers.quote(session.database())));
        }
        return Words.list(detail);
    }

    /** No fix SQL: committing or rolling back someone's work, or ending a session, is its owner's decision. */
    private static Text hint(List<SlotBlocker> prepared, List<SlotBlocker> sessions) {
        List<Text> steps = new ArrayList<>();
        prepared.stream().limit(5).forEach(p -> steps.add(Text.of("slots.creation.endPrepared", SqlIdentifiers.quote(p.database()),
                SqlIdentifiers.literal(p.gid()))));
        sessions.stream().limit(5).forEach(s -> steps.add(Text.of("slots.creation.terminate", s.pid())));
        if (steps.isEmpty()) {
            return Text.of("slots.creation.hintUnseen");
        }
        String owners = prepared.isEmpty() ? "slots.creation.hintSessions" : sessions.isEmpty() ? "slots.creation.hintPrepared"
                : "slots.creation.hintBoth";
        return Text.of(owners, Words.paragraph(steps));
    }
}
