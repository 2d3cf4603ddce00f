package io.dsm.connection.service;

/** More connection tests are running than DSM_TEST_CONCURRENCY allows. */
public class TooManyTests extends RuntimeException {

    public TooManyTests() {
        super("Too many connection tests are running; retry in a second.", null, false, false);
    }
}
