package io.dsm.readiness.service;

import java.util.List;

import io.dsm.common.jdbc.SqlIdentifiers;

/**
 * Everything the rules judge, read in one round trip with the connection test's own queries (and
 * the replication connection beside it). Parts a subject does not need are null or empty: a standby
 * serving full migration reads only the tables in scope.
 *
 * @param session what a new session of the user meets; null from a server too old to be asked (before 9.6)
 * @param views   what the server answered when its views and foreign tables were read; null where they were not
 */
record InspectionFacts(Subject subject, ServerBasics basics, ServerSettings settings, ScopeTables scope,
        List<String> heartbeatLeavingOut, ReplicationConnectionResult replication, SessionFacts session,
        ViewProbe.Result views) {

    List<Slot> slots() {
        return settings == null ? List.of() : settings.slots();
    }

    List<Publication> publications() {
        return scope.publications();
    }

    /** WAL senders free for a project: dsm's own replication check, open while the catalog was read, does not count. */
    int freeWalSenders() {
        return settings.freeWalSenders(java.util.Optional.ofNullable(replication.backendPid()));
    }

    /** A publication that already publishes every change of every table in scope, which the project can use. */
    java.util.Optional<Publication> completePublication() {
        return publications().stream().filter(p -> p.coversAll() && p.publishesEveryChange()).findFirst();
    }

    /** Incremental sync is inspected: the endpoint serves it, on a server that decodes. */
    boolean incremental() {
        return settings != null;
    }

    /** The scope's schemas as a condition on pg_namespace n, for statements a person runs (no parameter). */
    String schemaCondition() {
        return scope.schemas().isEmpty() ? "false" : "n.nspname IN (" + SqlNames.literals(scope.schemas()) + ")";
    }

    String user() {
        return SqlNames.quotedName(subject.username());
    }

    String userIdentifier() {
        return SqlIdentifiers.quote(subject.username());
    }
}
