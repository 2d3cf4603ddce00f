package io.dsm.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The checks of a connection test, in the order they run. */
@Schema(name = "CheckName", description = """
        NETWORK: address policy, name resolution, TCP reach and TLS. AUTHENTICATION: user and password. DATABASE: \
        the database exists and may be connected to. SCHEMA: the schema exists and is usable (without one: how many \
        schemas are readable). ROLE: primary or standby as the attribute says. HEARTBEAT: the heartbeat table can be \
        written (only with heartbeat on). REPLICATION: what incremental sync needs (primaries only).""")
public enum CheckName {
    NETWORK,
    AUTHENTICATION,
    DATABASE,
    SCHEMA,
    ROLE,
    HEARTBEAT,
    REPLICATION
}
