package io.dsm.datasource.api;

import java.util.UUID;

import io.dsm.common.problem.ProblemException;

/** Data source ids in paths: one that is not a UUID names no data source, so it is a 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID dataSource(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no data source with this id.");
        }
    }
}
