package io.dsm.datasource;

import java.util.UUID;

/**
 * A stored data source as other domains read it (a test of a saved source, the heartbeat writer, the
 * table drop): values copied out of the registry, never the entity. Passwords travel as they are stored,
 * sealed or as a reference; only the connection code opens them, for the endpoint they were saved with.
 *
 * @param standby the standby as stored, or null when none was saved
 */
public record StoredSource(UUID id, String identifier, long version, DatabaseAttribute attribute, String host, int port,
        String username, StoredPassword password, String databaseName, String schemaName, TlsMode tlsMode,
        String tlsCaCertificate, boolean heartbeatEnabled, String heartbeatSchema, Standby standby) {

    /**
     * The standby of a pair as stored.
     *
     * @param password its own password, or {@link StoredPassword#NONE} when it shares the primary's
     */
    public record Standby(String host, Integer port, String username, StoredPassword password) {
    }

    /** A password as stored: sealed with the data source's id as associated data, or where it is read at each use. */
    public record StoredPassword(String sealed, String reference) {

        public static final StoredPassword NONE = new StoredPassword(null, null);

        public boolean isSaved() {
            return sealed != null || reference != null;
        }

        /** Neither half in a log line: the sealed text is the password's only stored form. */
        @Override
        public String toString() {
            return reference != null ? "StoredPassword[reference]" : sealed != null ? "StoredPassword[sealed]" : "StoredPassword[none]";
        }
    }
}
