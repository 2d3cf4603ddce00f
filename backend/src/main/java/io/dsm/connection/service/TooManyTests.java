package io.dsm.connection.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemType;
import io.dsm.common.problem.RetryLater;

/** More connection tests are running than DSM_TEST_CONCURRENCY allows: a slot frees within about a second. */
public class TooManyTests extends RetryLater {

    public TooManyTests() {
        super(ProblemType.TOO_MANY_TESTS, Text.of("problem.too-many-tests"), 1);
    }
}
