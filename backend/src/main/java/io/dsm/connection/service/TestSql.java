package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessInspection;
import io.dsm.readiness.service.ReadinessLimits;

/**
 * The SQL a connection test sends on its session, for tools that replay it (bench/readiness-sql.java
 * feeds it to pgbench). It is built by {@link SessionChecks}' own methods, so it cannot drift from
 * what a test sends.
 */
public final class TestSql {

    private TestSql() {
    }

    /**
     * The session's statements in the order a test sends them: where the endpoint serves incremental sync,
     * the facts first, alone (their answer decides whether the replication connection gets the password),
     * then the batch of one round trip.
     *
     * @param superuser              whether the user is a superuser (the server reports it at sign-in)
     * @param statementTimeoutMillis the statement timeout the batch sets, half the test's time left
     */
    public static List<CatalogBatch.Query> session(ConnectionSpec spec, Set<ReadinessScope> served, int versionNum,
            ReadinessLimits limits, boolean superuser, long statementTimeoutMillis) {
        ServerFacts.Reading reading = new ServerFacts.Reading(superuser, spec.expectsPrimary(),
                JdbcConnector.usesTls(spec.tlsMode()), true, versionNum);
        boolean replication = served.contains(ReadinessScope.INCREMENTAL_SYNC);
        List<CatalogBatch.Query> queries = new ArrayList<>();
        if (replication) {
            queries.add(reading.query());
        }
        queries.addAll(SessionChecks.batch(ReadinessInspection.of(SessionChecks.subject(spec, served, versionNum, limits)),
                statementTimeoutMillis, replication ? null : reading, new ServerChecks(spec, new ServerText(spec.password())),
                SessionChecks.heartbeat(spec), versionNum));
        return queries;
    }
}
