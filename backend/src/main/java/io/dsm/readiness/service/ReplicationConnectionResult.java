package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;

/**
 * How the logical replication connection of a test went: what IDENTIFY_SYSTEM reported, or what the
 * temporary slot probe that replaces it found, or why the server refused the connection (its SQLSTATE
 * and message, without the password), or why dsm did not send the password (with the fix), or that
 * no answer came within the test's timeout. The server's own words are kept verbatim, dsm's as catalogue texts.
 *
 * @param probe the temporary slot probe's answer, when it ran instead of IDENTIFY_SYSTEM; else null
 */
public record ReplicationConnectionResult(Outcome outcome, String systemId, String timeline, String walPosition, String database,
        String sqlState, Text message, Integer backendPid, Text hint, SlotProbe probe) {

    public enum Outcome {
        ACCEPTED,
        REFUSED,
        TIMED_OUT,
        /** dsm ended the sign-in without sending the password: the server asked for it in a way that would expose it. */
        WITHHELD,
        /** Not opened: the server cannot decode (before PostgreSQL 10), or the test's own connection failed first. */
        NOT_ATTEMPTED
    }

    /** @param backendPid the WAL sender that served it, which the server's count of busy WAL senders includes */
    public static ReplicationConnectionResult accepted(String systemId, String timeline, String walPosition, String database,
            int backendPid) {
        return new ReplicationConnectionResult(Outcome.ACCEPTED, systemId, timeline, walPosition, database, null, null, backendPid, null,
                null);
    }

    /** The connection was accepted and the probe ran on it: the server created the slot, waited, or refused. */
    public static ReplicationConnectionResult probed(SlotProbe probe, int backendPid) {
        return new ReplicationConnectionResult(Outcome.ACCEPTED, null, null, probe.consistentPoint(), null, null, null, backendPid,
                null, probe);
    }

    /** @param message the server's own words */
    public static ReplicationConnectionResult refused(String sqlState, String message) {
        return new ReplicationConnectionResult(Outcome.REFUSED, null, null, null, null, sqlState, Text.verbatim(message), null, null,
                null);
    }

    public static ReplicationConnectionResult timedOut(Text message) {
        return new ReplicationConnectionResult(Outcome.TIMED_OUT, null, null, null, null, null, message, null, null, null);
    }

    public static ReplicationConnectionResult notAttempted(String why) {
        return new ReplicationConnectionResult(Outcome.NOT_ATTEMPTED, null, null, null, null, null, Text.verbatim(why), null, null,
                null);
    }

    public static ReplicationConnectionResult withheld(Text message, Text hint) {
        return new ReplicationConnectionResult(Outcome.WITHHELD, null, null, null, null, null, message, null, hint, null);
    }
}
