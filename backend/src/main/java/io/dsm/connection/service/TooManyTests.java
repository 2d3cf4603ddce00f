package io.dsm.connection.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/** More connection tests are running than DSM_TEST_CONCURRENCY allows. */
public class TooManyTests extends TextException {

    public TooManyTests() {
        super(Text.of("problem.too-many-tests"));
    }
}
