package io.dsm.datasource;

/**
 * The heartbeat table's name, as OMS names it (its readers know it by this name): written by the
 * heartbeat writer, checked by connection tests, and looked for in publications by readiness.
 */
public final class HeartbeatTableName {

    public static final String NAME = "oms_postgres_heartbeat";

    private HeartbeatTableName() {
    }
}
