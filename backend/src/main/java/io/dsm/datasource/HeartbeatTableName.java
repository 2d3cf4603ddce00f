package io.dsm.datasource;

/**
 * The heartbeat table's name, as OMS names it (its readers know it by this name): written by the
 * heartbeat writer, checked by connection tests, and looked for in publications by readiness.
 */
public final class HeartbeatTableName {

    public static final String NAME = "oms_postgres_heartbeat";
    /** Where the table lives when the data source names no schema for it. */
    public static final String DEFAULT_SCHEMA = "public";

    private HeartbeatTableName() {
    }

    /** The schema a data source's heartbeat table lives in: the one it names, or {@link #DEFAULT_SCHEMA}. */
    public static String schemaOf(String named) {
        return named == null || named.isBlank() ? DEFAULT_SCHEMA : named;
    }
}
