package io.dsm.readiness.service;

import java.util.Optional;
import java.util.Set;

import io.dsm.readiness.ReadinessScope;

/**
 * What a readiness inspection looks at on one endpoint: as whom, in which database and schemas,
 * for which scopes (a standby serves full migration only), and on which server version.
 *
 * @param schemaName      the data source's schema; empty means every schema the user can use
 * @param heartbeatSchema where the heartbeat table lives, when heartbeats are on
 * @param versionNum      the server's {@code server_version_num}, known from the sign-in
 * @param limits          the thresholds findings are judged by
 */
public record Subject(String username, String databaseName, Optional<String> schemaName, Optional<String> heartbeatSchema,
        Set<ReadinessScope> served, int versionNum, ReadinessLimits limits) {

    public Subject {
        served = Set.copyOf(served);
    }

    boolean serves(ReadinessScope scope) {
        return served.contains(scope);
    }

    int major() {
        return versionNum / 10000;
    }

    /** PostgreSQL 10 brought pgoutput and publications; nothing of incremental sync can be checked before. */
    boolean decodes() {
        return versionNum >= 100000;
    }

    boolean atLeast(int major) {
        return versionNum >= major * 10000;
    }
}
