package io.dsm.connection.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dsm.connection.ConnectionTestResult;
import io.dsm.readiness.service.SlotUsage;

/**
 * What the connection domain publishes for the readiness watch: a stored data source checked as a
 * saved-source test would check it, with the slots of its database. Nothing is audited here; the
 * watch records what changed.
 */
@ApplicationScoped
public class SourceCheck {

    @Inject
    StoredConnections stored;
    @Inject
    ConnectionTester tester;

    /** The report of one check and the replication slots of the primary's database (empty where none were read). */
    public record Outcome(ConnectionTestResult result, List<SlotUsage> slots) {
    }

    /** A checked source and the identifier it had. */
    public record Checked(String identifier, Outcome outcome) {
    }

    /**
     * A background check: bounded by the caller's threads, so it takes no test permit.
     *
     * @throws io.dsm.common.problem.ProblemException (404) when the data source is gone
     */
    public Checked inBackground(UUID id) {
        StoredConnections.Loaded loaded = stored.load(id);
        return new Checked(loaded.identifier(), tester.watch(loaded.specs(), loaded.accepted()));
    }

    /**
     * A re-check a user asked for: it takes a test permit like a connection test.
     *
     * @throws TooManyTests when DSM_TEST_CONCURRENCY tests are already running
     */
    public Checked askedFor(UUID id) {
        StoredConnections.Loaded loaded = stored.load(id);
        return new Checked(loaded.identifier(), tester.recheck(loaded.specs(), loaded.accepted()));
    }
}
