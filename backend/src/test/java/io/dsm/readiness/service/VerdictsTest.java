package io.dsm.readiness.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dsm.common.i18n.Languages;
import io.dsm.common.i18n.Text;
import io.dsm.readiness.FindingSeverity;
import io.dsm.readiness.ReadinessCheck;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.ReadinessState;

class VerdictsTest {

    private static final Set<ReadinessScope> BOTH = EnumSet.allOf(ReadinessScope.class);

    private static Finding finding(ReadinessCheck check, FindingSeverity severity, ReadinessScope... scopes) {
        return new Finding(check, Set.of(scopes), severity, Text.verbatim("found"), null, null, List.of(), 0);
    }

    private static EndpointReadiness endpoint(Set<ReadinessScope> served, Finding... findings) {
        return new EndpointReadiness(served, ReadinessOutcome.inspected(List.of(findings), List.of()), List.of());
    }

    @Test
    void countsBlockersAndWarningsOfEachScopeApart() {
        List<Verdict> verdicts = Verdicts.of(BOTH, List.of(endpoint(BOTH,
                finding(ReadinessCheck.TABLES_REPLICA_IDENTITY, FindingSeverity.BLOCKER, ReadinessScope.INCREMENTAL_SYNC),
                finding(ReadinessCheck.TABLES_UNLOGGED, FindingSeverity.BLOCKER, ReadinessScope.INCREMENTAL_SYNC),
                finding(ReadinessCheck.TABLES_LARGE_OBJECTS, FindingSeverity.WARNING, ReadinessScope.FULL_MIGRATION,
                        ReadinessScope.INCREMENTAL_SYNC),
                finding(ReadinessCheck.TABLES_SEQUENCES, FindingSeverity.INFO, ReadinessScope.INCREMENTAL_SYNC))));
        assertThat(verdicts).extracting(verdict -> verdict.summary().english())
                .containsExactly("Full migration: 1 warning", "Incremental sync: 2 blockers, 1 warning");
        assertThat(verdicts).extracting(Verdict::state).containsExactly(ReadinessState.WARNINGS, ReadinessState.BLOCKED);
    }

    @Test
    void summarisesInSimplifiedChineseForAChineseReader() {
        List<Verdict> verdicts = Verdicts.of(BOTH, List.of(endpoint(BOTH,
                finding(ReadinessCheck.TABLES_REPLICA_IDENTITY, FindingSeverity.BLOCKER, ReadinessScope.INCREMENTAL_SYNC),
                finding(ReadinessCheck.TABLES_LARGE_OBJECTS, FindingSeverity.WARNING, ReadinessScope.INCREMENTAL_SYNC))));
        assertThat(verdicts).extracting(verdict -> verdict.summary().render(Languages.SIMPLIFIED_CHINESE))
                .containsExactly("全量迁移：就绪", "增量同步：1 个阻塞项，1 个警告");
    }

    @Test
    void namesEveryFailedCheckInTheReadersLanguage() {
        EndpointReadiness endpoint = new EndpointReadiness(BOTH, ReadinessOutcome.inspected(List.of(), List.of()),
                List.of(new EndpointReadiness.FailedCheck("HEARTBEAT", EnumSet.of(ReadinessScope.INCREMENTAL_SYNC)),
                        new EndpointReadiness.FailedCheck("REPLICATION", EnumSet.of(ReadinessScope.INCREMENTAL_SYNC))));
        Text summary = Verdicts.of(BOTH, List.of(endpoint)).get(1).summary();
        assertThat(summary.english()).isEqualTo("Incremental sync: blocked, the HEARTBEAT and REPLICATION checks failed");
        assertThat(summary.render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("增量同步：已阻塞，HEARTBEAT 和 REPLICATION 检查未通过");
    }

    @Test
    void saysReadyWhenOnlyInformationWasFound() {
        List<Verdict> verdicts = Verdicts.of(BOTH, List.of(endpoint(BOTH,
                finding(ReadinessCheck.TABLES_SEQUENCES, FindingSeverity.INFO, ReadinessScope.INCREMENTAL_SYNC))));
        assertThat(verdicts).extracting(verdict -> verdict.summary().english()).containsExactly("Full migration: ready", "Incremental sync: ready");
    }

    @Test
    void blocksOnlyTheScopesAFailedCheckBlocks() {
        EndpointReadiness endpoint = new EndpointReadiness(BOTH, ReadinessOutcome.inspected(List.of(), List.of()),
                List.of(new EndpointReadiness.FailedCheck("HEARTBEAT", EnumSet.of(ReadinessScope.INCREMENTAL_SYNC))));
        assertThat(Verdicts.of(BOTH, List.of(endpoint))).extracting(verdict -> verdict.summary().english())
                .containsExactly("Full migration: ready", "Incremental sync: blocked, the HEARTBEAT check failed");
    }

    @Test
    void saysIncrementalSyncDoesNotApplyToAStandbyOnlySource() {
        Set<ReadinessScope> full = EnumSet.of(ReadinessScope.FULL_MIGRATION);
        List<Verdict> verdicts = Verdicts.of(full, List.of(endpoint(full)));
        assertThat(verdicts.get(1).state()).isEqualTo(ReadinessState.NOT_APPLICABLE);
    }

    @Test
    void saysNotCheckedWhenReadinessCouldNotBeInspected() {
        EndpointReadiness endpoint = new EndpointReadiness(BOTH, ReadinessOutcome.catalogRefused("permission denied"),
                List.of());
        assertThat(Verdicts.of(BOTH, List.of(endpoint))).extracting(Verdict::state)
                .containsExactly(ReadinessState.NOT_CHECKED, ReadinessState.NOT_CHECKED);
    }

    @Test
    void judgesEachScopeOnTheEndpointsThatServeIt() {
        EndpointReadiness primary = endpoint(EnumSet.of(ReadinessScope.INCREMENTAL_SYNC),
                finding(ReadinessCheck.ROLE_SELECT, FindingSeverity.BLOCKER, ReadinessScope.INCREMENTAL_SYNC));
        EndpointReadiness standby = endpoint(EnumSet.of(ReadinessScope.FULL_MIGRATION));
        assertThat(Verdicts.of(BOTH, List.of(primary, standby))).extracting(Verdict::state)
                .containsExactly(ReadinessState.READY, ReadinessState.BLOCKED);
    }
}
