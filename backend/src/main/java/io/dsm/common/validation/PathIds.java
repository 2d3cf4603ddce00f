package io.dsm.common.validation;

import java.util.UUID;

import io.dsm.common.problem.ProblemException;

/** Ids in paths: one that is not a UUID names nothing, so it is a 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID dataSource(String id) {
        return uuidOr404(id, "There is no data source with this id.");
    }

    public static UUID user(String id) {
        return uuidOr404(id, "There is no user with this id.");
    }

    private static UUID uuidOr404(String id, String notFound) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(notFound);
        }
    }
}
