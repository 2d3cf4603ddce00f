package io.dsm.auth.service;

import jakarta.inject.Singleton;

/** The JVM's monotonic clock, unaffected by changes to the wall clock. */
@Singleton
public class SystemTicker implements Ticker {

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
