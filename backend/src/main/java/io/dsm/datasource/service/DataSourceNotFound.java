package io.dsm.datasource.service;

import io.dsm.common.problem.ProblemException;

/** The one answer for an id that names no data source. */
final class DataSourceNotFound {

    private DataSourceNotFound() {
    }

    static ProblemException of(Object id) {
        return ProblemException.notFound("There is no data source with id " + id + ".");
    }
}
