package io.dsm.readiness.service;

/**
 * How the logical replication connection of a test went: what IDENTIFY_SYSTEM reported, or why the
 * server refused the connection (its SQLSTATE and message, without the password), or why dsm did not
 * send the password (with the fix), or that no answer came within the test's timeout.
 */
public record ReplicationConnectionResult(Outcome outcome, String systemId, String timeline, String walPosition, String database,
        String sqlState, String message, Integer backendPid, String hint) {

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
        return new ReplicationConnectionResult(Outcome.ACCEPTED, systemId, timeline, walPosition, database, null, null, backendPid, null);
    }

    public static ReplicationConnectionResult refused(String sqlState, String message) {
        return new ReplicationConnectionResult(Outcome.REFUSED, null, null, null, null, sqlState, message, null, null);
    }

    public static ReplicationConnectionResult timedOut(String message) {
        return new ReplicationConnectionResult(Outcome.TIMED_OUT, null, null, null, null, null, message, null, null);
    }

    public static ReplicationConnectionResult notAttempted(String why) {
        return new ReplicationConnectionResult(Outcome.NOT_ATTEMPTED, null, null, null, null, null, why, null, null);
    }

    public static ReplicationConnectionResult withheld(String message, String hint) {
        return new ReplicationConnectionResult(Outcome.WITHHELD, null, null, null, null, null, message, null, hint);
    }
}
