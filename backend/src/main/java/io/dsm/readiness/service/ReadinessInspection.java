package io.dsm.readiness.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.readiness.ReadinessScope;

/**
 * The readiness of one endpoint, inspected through the connection test's own session: the catalog
 * queries to send with the test's batch (set-based, so one round trip whatever the number of
 * tables), then the findings once their answers and the replication connection's result are in.
 * It reads the catalog only; it never creates a slot, a publication or anything else.
 */
public final class ReadinessInspection {

    /** The application name of the test's replication connection, which the WAL sender count leaves out. */
    public static final String REPLICATION_APPLICATION = "dsm readiness check";

    private final Subject subject;
    private final boolean incremental;
    private ServerSettings settings;
    private ScopeTables scope;
    private List<String> heartbeatLeavingOut = List.of();
    private SessionFacts session;
    private ViewProbe.Result views;

    private ReadinessInspection(Subject subject) {
        this.subject = subject;
        this.incremental = subject.serves(ReadinessScope.INCREMENTAL_SYNC) && subject.decodes();
    }

    public static ReadinessInspection of(Subject subject) {
        return new ReadinessInspection(subject);
    }

    /**
     * The queries that go first in the test's batch, before it sets its own statement_timeout: they see
     * the settings a new session of the user starts with. {@link #readLeading} takes their answers.
     */
    public List<CatalogBatch.Query> leadingQueries() {
        return List.of(SessionFacts.query(subject));
    }

    /** Reads the answers to {@link #leadingQueries()}, the first of the batch. */
    public void readLeading(CatalogBatch answers) throws SQLException {
        session = SessionFacts.read(answers.next());
    }

    /**
     * The queries that go last in the test's batch, once every other answer is computed: a probe that may
     * use up the statement timer guards nothing after it. {@link #read} takes their answers after those
     * of {@link #queries()}.
     */
    public List<CatalogBatch.Query> trailingQueries() {
        return ViewProbe.runs(subject) ? ViewProbe.queries(subject.limits().probeBudget()) : List.of();
    }

    /** The queries to add to the test's batch, in the order {@link #read} takes their answers. */
    public List<CatalogBatch.Query> queries() {
        List<CatalogBatch.Query> queries = new ArrayList<>();
        queries.add(ScopeTables.query(subject, incremental));
        if (incremental) {
            queries.add(ServerSettings.query(subject));
            subject.heartbeatSchema().ifPresent(schema ->
                    queries.add(HeartbeatPublications.query(schema, PublicationRules.HEARTBEAT_TABLE, subject.versionNum())));
        }
        return queries;
    }

    /** Reads the answers to {@link #queries()} and {@link #trailingQueries()} from the batch, where the test's own answers left off. */
    public void read(CatalogBatch answers) throws SQLException {
        scope = ScopeTables.read(answers.next());
        if (incremental) {
            settings = ServerSettings.read(answers.next());
            if (subject.heartbeatSchema().isPresent()) {
                heartbeatLeavingOut = HeartbeatPublications.read(answers.next());
            }
        }
        if (ViewProbe.runs(subject)) {
            views = ViewProbe.read(answers, scope.probeCandidates());
        }
    }

    /** Whether a replication connection can tell anything here: the endpoint serves incremental sync on a server that decodes. */
    public boolean wantsReplicationConnection() {
        return incremental;
    }

    public ReadinessOutcome evaluate(ServerBasics basics, ReplicationConnectionResult replication) {
        if (scope == null) {
            throw new IllegalStateException("The catalog answers have not been read");
        }
        Findings findings = new Findings(subject.served());
        InspectionFacts facts = new InspectionFacts(subject, basics, settings, scope, heartbeatLeavingOut, replication, session,
                views);
        if (subject.serves(ReadinessScope.INCREMENTAL_SYNC)) {
            ServerRules.version(subject, basics, findings);
        }
        if (incremental) {
            ServerRules.evaluate(facts, findings);
            ReplicationConnectionRule.evaluate(facts, findings);
            SlotRules.evaluate(facts, findings);
            SlotCreationRules.evaluate(facts, findings);
            PublicationRules.evaluate(facts, findings);
        }
        RecoveryRules.evaluate(facts, findings);
        RoleRules.evaluate(facts, findings);
        RoleSettingRules.evaluate(facts, findings);
        TableRules.evaluate(facts, findings);
        DecodingRules.evaluate(facts, findings);
        CopyRules.evaluate(facts, findings);
        return findings.outcome().withSlots(facts.slots().stream().filter(slot -> subject.databaseName().equals(slot.database()))
                .map(slot -> new SlotUsage(slot.name(), slot.active(), slot.retainedBytes(), slot.walStatus())).toList());
    }
}
