package io.dsm.auth.service;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.concurrent.BackgroundThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The audit of throttling: one record when a user or an address starts being throttled and one when
 * it ends, with how many attempts were refused meanwhile, instead of a record per refused guess (a
 * guesser sends hundreds a minute). Both are SIGN_IN failures; the actor is the user, or the client
 * address is the address, that was throttled. Ended throttlings are looked for every second.
 */
@ApplicationScoped
public class ThrottlingRecords {

    private static final Logger LOG = Logger.getLogger(ThrottlingRecords.class);
    private static final long LOOK_EVERY_MILLIS = 1000;

    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final ScheduledExecutorService looker;

    public ThrottlingRecords(SignInThrottle throttle, AuditLog audit, BackgroundThreads threads) {
        this.throttle = throttle;
        this.audit = audit;
        this.looker = threads.scheduled("dsm-throttling-records", 1);
    }

    void onStart(@Observes StartupEvent event) {
        looker.scheduleWithFixedDelay(this::recordEndedQuietly, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        looker.shutdownNow();
    }

    /** Records that throttling started for each of these. */
    void started(List<SignInThrottle.Counted> counted) {
        for (SignInThrottle.Counted started : counted) {
            record(started, "Throttling started for " + started + " after " + throttle.limit() + " failed password checks within a "
                    + "minute: further attempts are answered 429 without a password check, and counted until it ends.");
        }
    }

    /** Records every throttling that is over; synchronized so that a caller returns only once they are all written. */
    public synchronized void recordEnded() {
        for (SignInThrottle.Ended ended : throttle.endLapsed()) {
            record(ended.counted(), "Throttling ended for " + ended.counted() + " after " + Math.max(1, ended.lasted().toSeconds())
                    + " s: " + ended.refused() + " attempts refused.");
        }
    }

    private void recordEndedQuietly() {
        try {
            recordEnded();
        } catch (RuntimeException e) {
            // The look-out must survive a store outage: an exception would cancel every later run.
            LOG.warnf("An ended sign-in throttling could not be recorded in the audit log: %s", e.getClass().getSimpleName());
        }
    }

    private void record(SignInThrottle.Counted counted, String detail) {
        audit.recordSeparately(AuditEntry.of(AuditAction.SIGN_IN, AuditOutcome.FAILURE, detail), counted.username(), counted.address());
    }
}
