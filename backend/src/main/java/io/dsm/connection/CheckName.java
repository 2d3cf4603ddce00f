package io.dsm.connection;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.readiness.ReadinessScope;

/** The checks of a connection test, in the order they run. */
@Schema(name = "CheckName", description = """
        NETWORK: address policy, name resolution, TCP reach and TLS. AUTHENTICATION: user and password; a warning when \
        the server asks for an MD5 password, and a failure, without the password being sent, when it asks for it in \
        cleartext and TLS did not verify it (verify-full, or verify-ca with a CA certificate). DATABASE: \
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
    REPLICATION;

    /** The scopes that cannot run while this check fails: the heartbeat serves incremental sync only. */
    public Set<ReadinessScope> blocks() {
        return this == HEARTBEAT ? EnumSet.of(ReadinessScope.INCREMENTAL_SYNC) : EnumSet.allOf(ReadinessScope.class);
    }
}
