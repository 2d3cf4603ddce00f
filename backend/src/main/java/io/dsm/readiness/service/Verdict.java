package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.ReadinessState;

/** The answer for one scope: "Incremental sync: 2 blockers, 1 warning". */
public record Verdict(ReadinessScope scope, ReadinessState state, long blockers, long warnings, Text summary) {
}
