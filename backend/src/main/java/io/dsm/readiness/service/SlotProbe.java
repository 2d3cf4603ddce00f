package io.dsm.readiness.service;

/**
 * The server's own answer to "can a slot be created now": dsm asked its replication connection to
 * create a temporary logical slot (dropped when that connection ends) and waited at most a bound.
 *
 * @param millis          how long the server took to answer, or how long dsm waited
 * @param consistentPoint where the slot's changes would start, when it was created
 * @param sqlState        the server's SQLSTATE when it waited past the bound or refused
 * @param message         the server's message then
 */
public record SlotProbe(Outcome outcome, long millis, String consistentPoint, String sqlState, String message) {

    /** Probe slots are named so, so that readiness leaves them out of the server's slots, whichever dsm made them. */
    public static final String SLOT_PREFIX = "dsm_probe_";

    public enum Outcome {
        /** The slot was created, and dropped when dsm disconnected. */
        CREATED,
        /** The creation still waited when the bound was reached, and was cancelled. */
        WAITED,
        /** The server refused to create it, and said why. */
        REFUSED
    }

    public static SlotProbe created(long millis, String consistentPoint) {
        return new SlotProbe(Outcome.CREATED, millis, consistentPoint, null, null);
    }

    public static SlotProbe waited(long millis, String sqlState, String message) {
        return new SlotProbe(Outcome.WAITED, millis, null, sqlState, message);
    }

    public static SlotProbe refused(long millis, String sqlState, String message) {
        return new SlotProbe(Outcome.REFUSED, millis, null, sqlState, message);
    }
}
