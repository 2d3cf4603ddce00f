package io.dsm.readiness.service;

import static io.dsm.readiness.FindingSeverity.BLOCKER;
import static io.dsm.readiness.FindingSeverity.INFO;
import static io.dsm.readiness.FindingSeverity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
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
        String version = basics.version();
        if (subject.major() < OLDEST_DECODING) {
            findings.add(ReadinessCheck.SERVER_VERSION, BLOCKER, Text.of("server.version.tooOld", version, OLDEST_DECODING),
                    Text.of("server.version.tooOld.hint"), null);
        } else if (subject.major() > NEWEST_VERIFIED) {
            findings.add(ReadinessCheck.SERVER_VERSION, WARNING, Text.of("server.version.newer", version, OLDEST_DECODING,
                    NEWEST_VERIFIED), Text.of("server.version.newer.hint"), null);
        } else {
            findings.pass(ReadinessCheck.SERVER_VERSION, Text.of("server.version.passed", version, OLDEST_DECODING, NEWEST_VERIFIED));
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
            findings.add(ReadinessCheck.SERVER_PROVIDER_LOGICAL_DECODING, BLOCKER, Text.of("server.providerFlag.off",
                    service.provider().label, service.flag(), service.flagValue(), walLevel), service.enableProcedure(), null);
            return;
        }
        if (service.hasFlag()) {
            findings.pass(ReadinessCheck.SERVER_PROVIDER_LOGICAL_DECODING, Text.of("server.providerFlag.passed",
                    service.provider().label, service.flag(), service.flagValue()));
        }
        if (logical) {
            findings.pass(ReadinessCheck.SERVER_WAL_LEVEL, Text.of("server.walLevel.passed"));
        } else if (service.hasFlag()) {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, Text.of("server.walLevel.notRestarted", service.flag(),
                    service.flagValue(), walLevel), Text.of("server.walLevel.notRestarted.hint"), null);
        } else if (service.managed()) {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, Text.of("server.walLevel.notLogical", walLevel),
                    service.enableProcedure(), null);
        } else {
            findings.add(ReadinessCheck.SERVER_WAL_LEVEL, BLOCKER, Text.of("server.walLevel.notLogical", walLevel),
                    Text.of("server.walLevel.notLogical.hint"), "ALTER SYSTEM SET wal_level = logical;");
        }
    }

    private static void slots(InspectionFacts facts, Findings findings) {
        ServerSettings settings = facts.settings();
        int max = settings.maxReplicationSlots();
        int free = settings.freeSlots();
        List<Slot> inactive = facts.slots().stream().filter(slot -> !slot.active() && !slot.temporary()).toList();
        ObjectList candidates = ObjectList.of(inactive.stream()
                .map(slot -> new AffectedObject(slot.name(), slot.database() == null ? slot.detail()
                        : Words.list(List.of(slot.detail(), Text.of("detail.slot.inDatabase", slot.database())))))
                .toList());
        Text raise = facts.settings().service().managed()
                ? facts.settings().service().parameterProcedure("max_replication_slots") : null;
        String raiseSql = facts.settings().service().managed() ? null
                : "ALTER SYSTEM SET max_replication_slots = " + Math.max(10, settings.slotsUsed() + 4) + ";";
        if (max == 0) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, BLOCKER, Text.of("server.slots.none"),
                    raise != null ? raise : Text.of("server.slots.none.hint"), raiseSql);
        } else if (free == 0) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, BLOCKER, withInactiveNote(Text.of("server.slots.allTaken", max),
                    inactive), freeingHint(inactive, raise), dropStatements(inactive, raiseSql), candidates);
        } else if (free == 1) {
            findings.add(ReadinessCheck.SERVER_REPLICATION_SLOTS, WARNING, withInactiveNote(Text.of("server.slots.oneFree", max),
                    inactive), freeingHint(inactive, raise), dropStatements(inactive, raiseSql), candidates);
        } else {
            findings.pass(ReadinessCheck.SERVER_REPLICATION_SLOTS, Text.of("server.slots.passed", free, max));
        }
    }

    private static Text withInactiveNote(Text message, List<Slot> inactive) {
        return inactive.isEmpty() ? message : Words.paragraph(List.of(message, Text.of("server.slots.inactive", inactive.size())));
    }

    private static Text freeingHint(List<Slot> inactive, Text raise) {
        List<Text> hint = new ArrayList<>();
        if (!inactive.isEmpty()) {
            hint.add(Text.of("server.slots.dropInactive.hint"));
        }
        hint.add(raise != null ? raise : Text.of("server.slots.raise.hint"));
        return Words.paragraph(hint);
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
        Text hint = settings.service().managed() ? settings.service().parameterProcedure("max_wal_senders")
                : Text.of("server.walSenders.hint");
        String fix = settings.service().managed() ? null
                : "ALTER SYSTEM SET max_wal_senders = " + Math.max(10, settings.walSenderPids().size() + 4) + ";";
        if (max == 0) {
            findings.add(ReadinessCheck.SERVER_WAL_SENDERS, BLOCKER, Text.of("server.walSenders.none"), hint, fix);
        } else if (facts.freeWalSenders() == 0) {
            findings.add(ReadinessCheck.SERVER_WAL_SENDERS, BLOCKER, Text.of("server.walSenders.allBusy", max), hint, fix);
        } else {
            findings.pass(ReadinessCheck.SERVER_WAL_SENDERS, Text.of("server.walSenders.passed", facts.freeWalSenders(), max));
        }
    }

    private static void slotWalKeepSize(InspectionFacts facts, Findings findings) {
        ManagedService service = facts.settings().service();
        if (facts.settings().slotWalKeepSize().isEmpty()) {
            findings.add(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, INFO, Text.of("server.slotWalKeepSize.beforePg13",
                    facts.subject().major()), Text.of("server.slotWalKeepSize.beforePg13.hint"), null);
            return;
        }
        String size = facts.settings().slotWalKeepSize().get();
        if (!"-1".equals(size)) {
            findings.pass(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, Text.of("server.slotWalKeepSize.passed", size));
            return;
        }
        findings.add(ReadinessCheck.SERVER_MAX_SLOT_WAL_KEEP_SIZE, WARNING, Text.of("server.slotWalKeepSize.unbounded"),
                Words.paragraph(List.of(service.managed() ? service.parameterProcedure("max_slot_wal_keep_size")
                        : Text.of("server.slotWalKeepSize.choose"), Text.of("server.slotWalKeepSize.invalidated"))),
                service.managed() ? null : "ALTER SYSTEM SET max_slot_wal_keep_size = '64GB';\nSELECT pg_reload_conf();");
    }
}
