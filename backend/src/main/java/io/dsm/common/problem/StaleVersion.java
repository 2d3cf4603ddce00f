package io.dsm.common.problem;

import java.util.List;

import io.dsm.common.i18n.Text;

/** The answer to an update made from an out-of-date copy. */
public final class StaleVersion {

    private StaleVersion() {
    }

    public static ProblemException exception() {
        return of("stale.data-source");
    }

    /** For a resource of the given kind: the catalogue key of its sentence ("stale.data-source", "stale.user"). */
    public static ProblemException of(String key) {
        return ProblemException.conflict(Text.of(key), List.of(Violation.of("version", "violation.version.stale")));
    }
}
