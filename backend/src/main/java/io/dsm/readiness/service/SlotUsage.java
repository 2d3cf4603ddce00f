package io.dsm.readiness.service;

/**
 * A replication slot of the source's database as the watch exports it.
 *
 * @param retainedBytes WAL the slot holds on the server's disk; -1 when the server cannot tell
 * @param walStatus     reserved, extended, unreserved or lost (PostgreSQL 13 and later), else null
 */
public record SlotUsage(String name, boolean active, long retainedBytes, String walStatus) {
}
