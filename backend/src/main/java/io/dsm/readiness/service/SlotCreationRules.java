package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
        long threshold = facts.subject().limits().longTransaction().toSeconds();
        List<SlotBlocker> prepared = facts.settings().slotBlockers().stream().filter(SlotBlocker::isPrepared).toList();
        List<SlotBlocker> sessions = facts.settings().slotBlockers().stream().filter(b -> !b.isPrepared()).toList();
        List<SlotBlocker> longRunning = sessions.stream().filter(b -> b.seconds() != null && b.seconds() >= threshold).toList();
        long hidden = sessions.stream().filter(b -> b.seconds() == null).count();
        String hiddenNote = hidden == 0 ? "" : " " + SqlNames.count(hidden, "session of another user holds", "sessions of other users hold")
                + " a transaction id now; the server shows how long only to members of pg_read_all_stats.";
        if (prepared.isEmpty() && longRunning.isEmpty() && !waited) {
            findings.pass(ReadinessCheck.SLOTS_CREATION, created(probe) + "No prepared transaction, and no session whose "
                    + "transaction has held a transaction id for " + Durations.seconds(threshold) + " or longer: a slot's "
                    + "creation waits for nothing but transactions that end on their own." + hiddenNote);
            return;
        }
        List<AffectedObject> objects = new ArrayList<>();
        prepared.forEach(p -> objects.add(new AffectedObject(p.gid(), "prepared transaction in database "
                + SqlIdentifiers.quote(p.database()) + " by " + p.role() + ", " + Durations.seconds(p.seconds()) + " ago, "
                + p.xidAge() + " transactions old")));
        longRunning.forEach(s -> objects.add(new AffectedObject("pid " + s.pid(), describe(s))));
        List<String> parts = new ArrayList<>();
        if (waited) {
            parts.add("The server did not create a temporary logical slot for dsm within " + probe.millis() + " ms: it was "
                    + "still waiting for transactions that hold a transaction id to end" + (objects.isEmpty()
                            ? " (none that dsm may see has run for " + Durations.seconds(threshold) + "), so a project's slot "
                                    + "would wait too."
                            : ", so a project's slot would wait too."));
        }
        if (!prepared.isEmpty()) {
            parts.add(SqlNames.count(prepared.size(), "prepared transaction holds", "prepared transactions hold")
                    + " a transaction id until someone commits or rolls " + SqlNames.verb(prepared.size(), "it", "them")
                    + " back (" + prepared.stream().limit(5).map(p -> SqlIdentifiers.literal(p.gid()) + ", " + Durations.seconds(p.seconds()) + " old")
                            .collect(Collectors.joining("; ")) + "): creating the project's replication slot waits for "
                    + SqlNames.verb(prepared.size(), "it", "them") + ", in any database.");
        }
        if (!longRunning.isEmpty()) {
            parts.add(SqlNames.count(longRunning.size(), "session has", "sessions have") + " held a transaction id for "
                    + Durations.seconds(threshold) + " or longer: creating the project's replication slot waits until "
                    + SqlNames.verb(longRunning.size(), "its transaction ends", "their transactions end") + ".");
        }
        findings.add(ReadinessCheck.SLOTS_CREATION, prepared.isEmpty() && !waited ? WARNING : BLOCKER, String.join(" ", parts) + hiddenNote,
                hint(prepared, longRunning), null, ObjectList.of(objects));
    }

    /** What the probe proved, when it created its slot. */
    private static String created(SlotProbe probe) {
        return probe == null || probe.outcome() != SlotProbe.Outcome.CREATED ? ""
                : "The server created a temporary logical slot for dsm at WAL " + probe.consistentPoint() + " in " + probe.millis()
                        + " ms, and dropped it when dsm disconnected: a project's slot can be created now. ";
    }

    /**
     * The server refused the probe's slot. wal_level, recovery (server.recovery tells the server's words there)
     * and a full set of slots have findings of their own, with the same cause; anything else is told here.
     */
    private static void refused(InspectionFacts facts, SlotProbe probe, Findings findings) {
        boolean explained = !"logical".equals(facts.basics().walLevel()) || facts.basics().inRecovery()
                || facts.settings().freeSlots() == 0;
        if (!explained) {
            findings.add(ReadinessCheck.SLOTS_CREATION, BLOCKER, "The server refused to create a temporary logical slot for dsm: "
                    + probe.message() + " (SQLSTATE " + probe.sqlState() + ").",
                    "A project's slot would be refused the same way: follow the server's message.", null);
        }
    }

    private static String describe(SlotBlocker session) {
        List<String> detail = new ArrayList<>();
        detail.add("transaction open for " + Durations.seconds(session.seconds()));
        if (session.state() != null) {
            detail.add(session.state());
        }
        if (session.applicationName() != null && !session.applicationName().isEmpty()) {
            detail.add("application " + session.applicationName());
        }
        detail.add("user " + session.role());
        if (session.database() != null) {
            detail.add("database " + SqlIdentifiers.quote(session.database()));
        }
        return String.join(", ", detail);
    }

    /** No fix SQL: committing or rolling back someone's work, or ending a session, is its owner's decision. */
    private static String hint(List<SlotBlocker> prepared, List<SlotBlocker> sessions) {
        List<String> steps = new ArrayList<>();
        prepared.stream().limit(5).forEach(p -> steps.add("in database " + SqlIdentifiers.quote(p.database()) + ", COMMIT PREPARED "
                + SqlIdentifiers.literal(p.gid()) + "; or ROLLBACK PREPARED " + SqlIdentifiers.literal(p.gid()) + ";"));
        sessions.stream().limit(5).forEach(s -> steps.add("SELECT pg_terminate_backend(" + s.pid() + ");"));
        return "Ask whoever owns " + (prepared.isEmpty() ? "the sessions" : sessions.isEmpty() ? "the prepared transactions"
                : "them") + " first, then: " + String.join(" ", steps);
    }
}
