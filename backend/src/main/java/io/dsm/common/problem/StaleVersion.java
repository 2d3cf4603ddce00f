package io.dsm.common.problem;

import java.util.List;

/** The answer to an update made from an out-of-date copy. */
public final class StaleVersion {

    private StaleVersion() {
    }

    public static ProblemException exception() {
        return of("data source");
    }

    /** For a resource of the given kind ("data source", "user"). */
    public static ProblemException of(String kind) {
        return ProblemException.conflict(
                "This " + kind + " was changed by someone else after you read it. Reload it and apply your change again.",
                List.of(new Violation("version", "is out of date")));
    }
}
