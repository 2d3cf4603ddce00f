package io.dsm.auth.service;

/** Monotonic time in nanoseconds, as {@link System#nanoTime()}: a bean, so that tests move time on instead of waiting. */
@FunctionalInterface
public interface Ticker {

    long nanos();
}
