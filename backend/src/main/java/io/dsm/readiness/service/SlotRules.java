package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
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
        String quoted = SqlNames.quotedName(database);
        if (here.isEmpty()) {
            findings.pass(ReadinessCheck.SLOTS_INACTIVE, Text.of("slots.inactive.none", quoted));
            return;
        }
        if (abandoned.isEmpty()) {
            findings.pass(ReadinessCheck.SLOTS_INACTIVE, Text.of("slots.inactive.passed", here.size(), quoted,
                    Words.list(here.stream().map(slot -> Text.of("detail.slot.named", slot.name(), slot.detail())).toList())));
            return;
        }
        long retained = abandoned.stream().mapToLong(slot -> Math.max(0, slot.retainedBytes())).sum();
        long lost = abandoned.stream().filter(Slot::lost).count();
        findings.add(ReadinessCheck.SLOTS_INACTIVE, WARNING, lost > 0
                ? Text.of("slots.inactive.foundSomeLost", abandoned.size(), quoted, Bytes.readable(retained), lost)
                : Text.of("slots.inactive.found", abandoned.size(), quoted, Bytes.readable(retained)),
                Text.of("slots.inactive.hint"),
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
            findings.pass(ReadinessCheck.SLOTS_WAL_RETENTION, here.isEmpty() ? Text.of("slots.retention.none")
                    : Text.of("slots.retention.passed", Bytes.readable(warningBytes)));
            return;
        }
        List<Text> parts = new ArrayList<>();
        if (!lost.isEmpty()) {
            parts.add(Text.of("slots.retention.lost", lost.size()));
        }
        if (!heavy.isEmpty()) {
            long retained = heavy.stream().mapToLong(slot -> Math.max(0, slot.retainedBytes())).sum();
            parts.add(Text.of("slots.retention.heavy", heavy.size(), Bytes.readable(retained), Bytes.readable(warningBytes)));
        }
        String fix = Stream.concat(lost.stream(), heavy.stream()).filter(slot -> !slot.active()).limit(Finding.MAX_OBJECTS)
                .map(slot -> "SELECT pg_drop_replication_slot(" + SqlIdentifiers.literal(slot.name()) + ");")
                .collect(Collectors.joining("\n"));
        findings.add(ReadinessCheck.SLOTS_WAL_RETENTION, WARNING, Words.paragraph(parts),
                Text.of(lost.isEmpty() ? "slots.retention.hint" : "slots.retention.hintSomeLost"),
                fix.isEmpty() ? null : fix, objects(Stream.concat(lost.stream(), heavy.stream()).toList()));
    }

    private static ObjectList objects(List<Slot> slots) {
        return ObjectList.of(slots.stream().map(slot -> new AffectedObject(slot.name(), slot.detail())).toList());
    }
}
