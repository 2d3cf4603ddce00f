package io.dsm.readiness.service;

import java.time.Duration;

/**
 * The thresholds readiness judges by, from dsm's configuration (DSM_WATCH_SLOT_WARNING_BYTES and
 * DSM_READINESS_*), so that a test and the watch draw the line in the same place.
 *
 * @param slotWarningBytes      WAL retained by an inactive slot from which it is a warning
 * @param longTransaction       how long a transaction may hold an xid before it is named as blocking slot creation
 * @param passwordExpiryWarning how far ahead an expiring password (VALID UNTIL) is a warning
 * @param projectSessions       the sessions a migration project opens at once
 * @param probeBudget           how long a check may spend trying the SELECT of views and foreign tables in scope
 */
public record ReadinessLimits(long slotWarningBytes, Duration longTransaction, Duration passwordExpiryWarning,
        int projectSessions, Duration probeBudget) {

    /** The defaults of the configuration, for tools that run the rules outside dsm (bench/readiness-sql.java). */
    public static final ReadinessLimits DEFAULTS = new ReadinessLimits(1L << 30, Duration.ofMinutes(5), Duration.ofDays(30), 4,
            Duration.ofMillis(50));
}
