package io.dsm.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.dsm.auth.service.Ticker;

/** Time that moves only when a test moves it: a throttling ends without waiting a minute for it. */
@Alternative
@Singleton
public class ManualTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(System.nanoTime());

    @Override
    public long nanos() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
