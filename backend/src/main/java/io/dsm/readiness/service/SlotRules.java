package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/** The replication slots of the source's database: the ones its projects use, or left behind. */
final class SlotRules {

    private SlotRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        String database = facts.subject().databaseName();
        List<Slot> here = facts.slots().stream().filter(slot -> database.equals(slot.database())).toList();
        retention(here, facts.subject().limits().slotWarningBytes(), findings);
        List<Slot> abandoned = here.stream()
                .filter(slot -> !slot.active() && !slot.temporary() && (slot.retainedBytes() > 0 || slot.lost())).toList();
        String inDatabase = " in database " + SqlNames.quotedName(database);
        if (here.isEmpty()) {
            findings.pass(ReadinessCheck.SLOTS_INACTIVE, "No replication slot" + inDatabase + ".");
            return;
        }
        if (abandoned.isEmpty()) {
            findings.pass(ReadinessCheck.SLOTS_INACTIVE, SqlNames.count(here.size(), "replication slot", "replication slots")
                    + inDatabase + ", none inactive: " + here.stream().map(slot -> slot.name() + " (" + slot.detail() + ")")
                            .collect(Collectors.joining(", ")) + ".");
            return;
        }
        long retained = abandoned.stream().mapToLong(slot -> Math.max(0, slot.retainedBytes())).sum();
        long lost = abandoned.stream().filter(Slot::lost).count();
        findings.add(ReadinessCheck.SLOTS_INACTIVE, WARNING, SqlNames.count(abandoned.size(), "inactive slot", "inactive slots")
                + inDatabase + SqlNames.verb(abandoned.size(), " keeps ", " keep ") + Bytes.readable(retained)
                + " of WAL on the server's disk, growing with every change, and" + SqlNames.verb(abandoned.size(), " holds", " hold")
                + " back vacuum"
                + (lost > 0 ? "; " + lost + " of them lost WAL it needs and can never be resumed" : "")
                + ".",
                "Drop only the slots no consumer will come back for: a consumer whose slot is dropped must start over from "
                        + "a new snapshot.",
                abandoned.stream().limit(Finding.MAX_OBJECTS)
                        .map(slot -> "SELECT pg_drop_replication_slot(" + SqlIdentifiers.literal(slot.name()) + ");")
                        .collect(Collectors.joining("\n")),
                ObjectList.of(abandoned.stream().map(slot -> new AffectedObject(slot.name(), slot.detail())).toList()));
    }

    /**
     * What each slot costs the server's disk now: a slot past its bound, or one that lost its WAL. A lost slot is
     * its own consumer's loss: it does not stop a new project, whose slot starts from the WAL of now.
     */
    private static void retention(List<Slot> here, long warningBytes, Findings findings) {
        List<Slot> lost = here.stream().filter(Slot::lost).toList();
        List<Slot> heavy = here.stream().filter(slot -> !slot.lost()
                && ("unreserved".equals(slot.walStatus()) || !slot.active() && slot.retainedBytes() >= warningBytes)).toList();
        if (lost.isEmpty() && heavy.isEmpty()) {
            findings.pass(ReadinessCheck.SLOTS_WAL_RETENTION, here.isEmpty() ? "No replication slot retains WAL in this database."
                    : "Every slot of this database keeps its WAL within bounds (an inactive slot below "
                            + Bytes.readable(warningBytes) + ", none unreserved or lost).");
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!lost.isEmpty()) {
            parts.add(SqlNames.count(lost.size(), "replication slot", "replication slots") + SqlNames.verb(lost.size(), " has", " have")
                    + " lost WAL its consumer still needs (wal_status lost): that consumer must start over from a new snapshot. "
                    + "This does not stop a new project, whose slot starts from the WAL of now, but "
                    + SqlNames.verb(lost.size(), "it still takes one", "they still take") + " of max_replication_slots.");
        }
        if (!heavy.isEmpty()) {
            long retained = heavy.stream().mapToLong(slot -> Math.max(0, slot.retainedBytes())).sum();
            parts.add(SqlNames.count(heavy.size(), "replication slot", "replication slots") + SqlNames.verb(heavy.size(), " holds ", " hold ")
                    + Bytes.readable(retained) + " of WAL past the warning bound of " + Bytes.readable(warningBytes)
                    + " for an inactive slot, or " + SqlNames.verb(heavy.size(), "is", "are")
                    + " about to lose WAL (wal_status unreserved).");
        }
        String fix = Stream.concat(lost.stream(), heavy.stream()).filter(slot -> !slot.active()).limit(Finding.MAX_OBJECTS)
                .map(slot -> "SELECT pg_drop_replication_slot(" + SqlIdentifiers.literal(slot.name()) + ");")
                .collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.SLOTS_WAL_RETENTION, WARNING, String.join(" ", parts),
                (lost.isEmpty() ? "" : "Start each lost slot's project over, then drop the lost slot. ")
                        + "Resume the consumer of each slot, or drop the slots no consumer will come back for; set "
                        + "max_slot_wal_keep_size with room for the longest pause a consumer may take.",
                fix.isEmpty() ? null : fix, objects(Stream.concat(lost.stream(), heavy.stream()).toList()));
    }

    private static ObjectList objects(List<Slot> slots) {
        return ObjectList.of(slots.stream().map(slot -> new AffectedObject(slot.name(), slot.detail())).toList());
    }
}
