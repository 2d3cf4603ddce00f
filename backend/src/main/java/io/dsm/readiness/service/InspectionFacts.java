package io.dsm.readiness.service;

import java.util.List;

import io.dsm.common.jdbc.SqlIdentifiers;

/**
 * Everything the rules judge, read in one round trip with the connection test's own queries (and
 * the replication connection beside it). Parts a subject does not need are null or empty: a standby
 * serving full migration reads only the tables in scope.
 */
record InspectionFacts(Subject subject, ServerBasics basics, ServerSettings settings, List<Slot> slots, ScopeTables scope,
        List<Publication> publications, List<String> heartbeatLeavingOut, ReplicationConnectionResult replication) {

    /** Incremental sync is inspected: the endpoint serves it, on a server that decodes. */
    boolean incremental() {
        return settings != null;
    }

    String user() {
        return SqlNames.quotedName(subject.username());
    }

    String userIdentifier() {
        return SqlIdentifiers.quote(subject.username());
    }
}
