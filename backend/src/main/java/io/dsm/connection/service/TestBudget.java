package io.dsm.connection.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The time one connection test may take, shared by its checks and the sockets they open. */
final class TestBudget {

    private final long deadlineNanos;
    private final Duration total;

    TestBudget(Duration total) {
        this.total = total;
        this.deadlineNanos = System.nanoTime() + total.toNanos();
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    /** Whole seconds for pgjdbc's timeouts, which count in seconds: at least 1, rounded up. */
    int remainingSeconds() {
        return (int) Math.max(1, (remainingMillis() + 999) / 1000);
    }

    long totalMillis() {
        return total.toMillis();
    }
}
