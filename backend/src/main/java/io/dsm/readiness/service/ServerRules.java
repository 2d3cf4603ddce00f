package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.jdbc.SqlIdentifiers;
import io.dsm.readiness.ReadinessCheck;

/** The server's part of incremental sync: version, wal_level (or the provider's flag), slots, WAL senders, retained WAL. */
final class ServerRules {

    static final int OLDEST_DECODING = 10;
    static final int NEWEST_VERIFIED = 18;

    private ServerRules() {
    }

    /** Before PostgreSQL 10 nothing else of incremental sync can be checked: this is the one finding. */
    static void version(Subject subject, ServerBasics basics, Findings findings) {
        String version = "PostgreSQL " + basics.version();
        if (subject.major() < OLDEST_DECODING) {
            findings.add(ReadinessCheck.SERVER_VERSION, BLOCKER, version + " cannot decode changes for incremental sync: "
                    + "logical decoding with pgoutput needs PostgreSQL " + OLDEST_DECODING + " or later.",
                    "Upgrade the server, or use this source for full migration only.", null);
        } else if (subject.major() > NEWEST_VERIFIED) {
            findings.add(ReadinessCheck.SERVER_VERSION, WARNING, version + " is newer than the versions incremental sync is "
                    + "verified with (" + OLDEST_DECODING + " to " + NEWEST_VERIFIED + ").",
                    "Try the project on a copy first.", null);
        } else {
            findings.pass(ReadinessCheck.SERVER_VERSION, version + " is supported (" + OLDEST_DECODING + " to "
                    + NEWEST_VERIFIED + ").");
        }
    }

    static void evaluate(InspectionFacts facts, Findings findings) {
        walLevel(facts, findings);
        slots(facts, findings);
        walSenders(facts, findings);
        slotWalKeepSize(facts, findings);
    }

    private static void walLevel(InspectionFacts facts, Findings findings) {
        ManagedService service = facts.settings().service();
        String walLevel = facts.basics().walLevel();
        boolean logical = "logical".equals(walLevel);
        if (service.hasFlag() && !service.flagOn()) {
            // The flag is what sets wal_level on these services: one finding, under the flag, with the provider's procedure.
            findings.add(ReadinessCheck.SERVER_PROVIDER_LOGICAL_DECODING, BLOCKER, service.provider().label + ": "
                    + service.flag() + " is " + service.flagValue() + ", so wal_level is " + walLevel
                    + " and no logical replication slot can be created.", service.enableProcedure(), null);
            return;
        }
        if (service.hasFlag()) {
            findings.pass(ReadinessCheck.SERVER_PROVIDER_LOGICAL_DECODING, service.provider().label + ": " + service.flag()
                    + " is " + service.flagValue() + ".");
        }
        if (logical) {
            findings.pass(ReadinessCheck.SERVER_WAL_LEVEL, "wal_level is logical.");
        } else if (service.hasFlag()) {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, service.flag() + " is " + service.flagValue()
                    + ", but wal_level is still " + walLevel + ": the server has not restarted since the flag was set.",
                    "Reboot the instance to apply the flag.", null);
        } else if (service.managed()) {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, "wal_level is " + walLevel
                    + "; logical decoding needs logical.", service.enableProcedure(), null);
        } else {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, "wal_level is " + walLevel
                    + "; logical decoding needs logical.", "Restart the server after the change (a reload is not enough).",
                    "ALTER SYSTEM SET wal_level = logical;");
        }
    }

    private static void slots(InspectionFacts facts, Findings findings) {
        ServerSettings settings = facts.settings();
        int max = settings.maxReplicationSlots();
        int free = settings.freeSlots();
        List<Slot> inactive = facts.slots().stream().filter(slot -> !slot.active() && !slot.temporary()).toList();
        ObjectList candidates = ObjectList.of(inactive.stream()
                .map(slot -> new AffectedObject(slot.name(), slot.detail() + (slot.database() == null ? ""
                        : ", in database " + slot.database())))
                .toList());
        String raise = facts.settings().service().managed()
                ? facts.settings().service().parameterProcedure("max_replication_slots") : null;
        String raiseSql = facts.settings().service().managed() ? null
                : "ALTER SYSTEM SET max_replication_slots = " + Math.max(10, settings.slotsUsed() + 4) + ";";
        if (max == 0) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, BLOCKER, "max_replication_slots is 0: no replication slot "
                    + "can be created.", raise != null ? raise : "Restart the server after the change.", raiseSql);
        } else if (free == 0) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, BLOCKER, "All " + max + " replication slots are taken: "
                    + "an incremental sync project finds no free slot." + inactiveNote(inactive),
                    freeingHint(inactive, raise), dropStatements(inactive, raiseSql), candidates);
        } else if (free == 1) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, WARNING, "Only 1 of " + max + " replication slots is free: "
                    + "this project takes it, and a second project, or a re-sync that creates its new slot before dropping "
                    + "the old one, finds none." + inactiveNote(inactive), freeingHint(inactive, raise),
                    dropStatements(inactive, raiseSql), candidates);
        } else {
            findings.pass(ReadinessCheck.SERVER_REPLICATION_SLOTS, free + " of " + max + " replication slots are free.");
        }
    }

    private static String inactiveNote(List<Slot> inactive) {
        if (inactive.isEmpty()) {
            return "";
        }
        return inactive.size() == 1 ? " 1 of the slots taken is inactive."
                : " " + inactive.size() + " of the slots taken are inactive.";
    }

    private static String freeingHint(List<Slot> inactive, String raise) {
        String drop = inactive.isEmpty() ? "" : "Drop the inactive slots that no consumer will come back for (a consumer "
                + "whose slot is dropped must start over from a new snapshot). ";
        return drop + (raise != null ? raise : "Or raise max_replication_slots and restart the server.");
    }

    private static String dropStatements(List<Slot> inactive, String raiseSql) {
        if (inactive.isEmpty()) {
            return raiseSql;
        }
        return inactive.stream().limit(Finding.MAX_OBJECTS)
                .map(slot -> "SELECT pg_drop_replication_slot(" + SqlIdentifiers.literal(slot.name()) + ");")
                .collect(Collectors.joining("\n"));
    }

    private static void walSenders(InspectionFacts facts, Findings findings) {
        ServerSettings settings = facts.settings();
        int max = settings.maxWalSenders();
        String hint = settings.service().managed() ? settings.service().parameterProcedure("max_wal_senders")
                : "Raise max_wal_senders and restart the server, or stop a consumer that is no longer needed.";
        String fix = settings.service().managed() ? null
                : "ALTER SYSTEM SET max_wal_senders = " + Math.max(10, settings.walSenderPids().size() + 4) + ";";
        if (max == 0) {
            findings.add(ReadinessCheck.SERVER_WAL_SENDERS, BLOCKER, "max_wal_senders is 0: the server accepts no "
                    + "replication connection.", hint, fix);
        } else if (facts.freeWalSenders() == 0) {
            findings.add(ReadinessCheck.SERVER_WAL_SENDERS, BLOCKER, "All " + max + " WAL senders are busy (standbys and "
                    + "other consumers): a project could not stream changes.", hint, fix);
        } else {
            findings.pass(ReadinessCheck.SERVER_WAL_SENDERS, facts.freeWalSenders() + " of " + max
                    + " WAL senders are free.");
        }
    }

    private static void slotWalKeepSize(InspectionFacts facts, Findings findings) {
        ManagedService service = facts.settings().service();
        if (facts.settings().slotWalKeepSize().isEmpty()) {
            findings.add(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, INFO, "PostgreSQL " + facts.subject().major()
                    + " cannot bound the WAL a replication slot keeps (max_slot_wal_keep_size came with 13): a slot whose "
                    + "consumer stops keeps WAL until the disk is full.", "Watch the WAL retained by slots "
                    + "(slots.inactive), and drop slots whose consumer is gone.", null);
            return;
        }
        String size = facts.settings().slotWalKeepSize().get();
        if (!"-1".equals(size)) {
            findings.pass(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, "max_slot_wal_keep_size is " + size
                    + ": a slot cannot keep more WAL than that.");
            return;
        }
        findings.add(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, WARNING, "max_slot_wal_keep_size is -1: a slot whose "
                + "consumer stops keeps WAL until the disk is full and the server stops.",
                (service.managed() ? service.parameterProcedure("max_slot_wal_keep_size") + " "
                        : "Choose a size the WAL disk can hold with room to spare; it takes effect on reload. ")
                        + "A slot that falls further behind is invalidated (wal_status lost) and its project must re-sync.",
                service.managed() ? null : "ALTER SYSTEM SET max_slot_wal_keep_size = '64GB';\nSELECT pg_reload_conf();");
    }
}
