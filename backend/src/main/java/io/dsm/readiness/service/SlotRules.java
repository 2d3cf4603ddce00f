package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/** The replication slots of the source's database: the ones its projects use, or left behind. */
final class SlotRules {

    private SlotRules() {
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        String database = facts.subject().databaseName();
        List<Slot> here = facts.slots().stream().filter(slot -> database.equals(slot.database())).toList();
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
}
