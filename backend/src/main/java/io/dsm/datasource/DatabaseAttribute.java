package io.dsm.datasource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The role of the database that a data source points at. */
@Schema(name = "DatabaseAttribute", description = """
        PRIMARY: a primary database. PRIMARY_STANDBY: a primary with a standby (incremental sync reads the primary; \
        schema, full migration and verification read the standby), described by `standby`. STANDBY: a standby only \
        (schema, full migration and verification). CHILD_NODE: a direct connection to a Greenplum segment node.""")
public enum DatabaseAttribute {
    PRIMARY,
    PRIMARY_STANDBY,
    STANDBY,
    CHILD_NODE;

    /** Heartbeats are written to primaries only: a standby is read-only. */
    public boolean acceptsHeartbeat() {
        return this == PRIMARY || this == PRIMARY_STANDBY;
    }

    public boolean hasStandby() {
        return this == PRIMARY_STANDBY;
    }
}
