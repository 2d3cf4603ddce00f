package io.dsm.datasource.service;

import io.dsm.common.problem.ProblemException;

/** The one answer for an id that names no data source. */
public final class DataSourceNotFound {

    private DataSourceNotFound() {
    }

    public static ProblemException of(Object id) {
        return ProblemException.notFound("problem.data-source.not-found", String.valueOf(id));
    }
}
