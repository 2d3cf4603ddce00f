package io.dsm.connection.service;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.dsm.common.i18n.Text;
import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.connection.CheckName;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessInspection;
import io.dsm.readiness.service.ReadinessLimits;
import io.dsm.readiness.service.ReadinessOutcome;
import io.dsm.readiness.service.ReplicationConnectionResult;
import io.dsm.readiness.service.Subject;

/**
 * The checks that run on the test's open session: the server's facts, SCHEMA, ROLE, HEARTBEAT and,
 * through readiness's catalog queries in the same round trip, REPLICATION with the readiness
 * findings. A server that refuses part of the queries (an old or unusual server, or a catalog too
 * large for the time left) is asked again with less, so that readiness never fails a check of the
 * connection test.
 */
final class SessionChecks {

    /** Where the checks' outcomes go, in the order they are decided. */
    interface Recorder {
        void record(CheckName name, CheckResult result);
    }

    private static final String UNDEFINED_COLUMN = "42703";
    private static final String QUERY_CANCELED = "57014";
    private static final int FIRST_DECODING_VERSION = 100000;
    private static final int FIRST_JIT_VERSION = 110000;
    /** Forks that report a JIT-era version may lack the setting: CASE leaves set_config unevaluated there. */
    private static final String JIT_OFF = ", CASE WHEN current_setting('jit', true) IS NOT NULL THEN set_config('jit', 'off', true) END";

    private final ConnectionSpec spec;
    private final Set<ReadinessScope> served;
    private final ServerText text;
    private final TestBudget budget;
    private final ReplicationProbe replication;
    private final Recorder recorder;
    private final ReadinessLimits limits;
    private final ServerChecks server;
    private final boolean heartbeat;
    private ServerFacts.Reading reading;
    private ServerFacts facts;
    private ReadinessInspection inspection;
    private int versionNum;
    private ReadinessOutcome readiness = ReadinessOutcome.connectionFailed();
    private boolean recorded;
    private CheckResult authentication;

    /** @param replication the replication connection waiting for its password, or null where the endpoint has none */
    SessionChecks(ConnectionSpec spec, Set<ReadinessScope> served, ServerText text, TestBudget budget,
            ReplicationProbe replication, ReadinessLimits limits, Recorder recorder) {
        this.spec = spec;
        this.limits = limits;
        this.served = served;
        this.text = text;
        this.budget = budget;
        this.replication = replication;
        this.recorder = recorder;
        this.server = new ServerChecks(spec, text);
        this.heartbeat = heartbeat(spec);
    }

    Optional<String> serverVersion() {
        return Optional.ofNullable(facts).map(ServerFacts::version);
    }

    ReadinessOutcome readiness() {
        return readiness;
    }

    /**
     * @param network        what the NETWORK check saw before the session, to which the session's encryption is added
     * @param authentication what the AUTHENTICATION check says of the sign-in
     */
    void run(Connection connection, Text network, CheckResult authentication) throws SQLException {
        this.authentication = authentication;
        versionNum = versionNum(connection);
        reading = ServerFacts.Reading.of(connection, spec.expectsPrimary(), JdbcConnector.usesTls(spec.tlsMode()), versionNum);
        inspection = ReadinessInspection.of(subject(spec, served, versionNum, limits));
        if (replication != null) {
            // The replication connection's password goes out only for a user the server will let replicate.
            facts = readFacts(connection);
            replication.release(versionNum >= FIRST_DECODING_VERSION, facts.mayStartWalSender());
        }
        sendBatch(connection, network);
        if (inspection != null) {
            ReplicationConnectionResult replicated = replication == null
                    ? ReplicationConnectionResult.notAttempted("this endpoint does not serve incremental sync")
                    : replication.await();
            readiness = inspection.evaluate(facts.basics(), replicated);
        }
        if (spec.expectsPrimary()) {
            recorder.record(CheckName.REPLICATION, ReplicationSummary.of(readiness));
        }
    }

    private ServerFacts readFacts(Connection connection) throws SQLException {
        while (true) {
            try (CatalogBatch answers = CatalogBatch.send(connection, List.of(reading.query()))) {
                return ServerFacts.read(answers.next());
            } catch (SQLException e) {
                if (!olderServerWithoutTlsDetails(e)) {
                    throw e;
                }
                reading = reading.withoutTls();
            }
        }
    }

    private void sendBatch(Connection connection, Text network) throws SQLException {
        while (true) {
            try {
                answer(connection, network);
                return;
            } catch (SQLException e) {
                if (recorded || budget.expired() || isConnectionError(e)) {
                    throw e;
                }
                if (olderServerWithoutTlsDetails(e)) {
                    reading = reading.withoutTls();
                } else if (inspection != null) {
                    readiness = QUERY_CANCELED.equals(e.getSQLState()) ? ReadinessOutcome.catalogTooLarge()
                            : ReadinessOutcome.catalogRefused(text.clean(e.getMessage()));
                    inspection = null;
                } else {
                    throw e;
                }
            }
        }
    }

    /** Servers older than 9.5 (Greenplum 6) keep no TLS details of a session. */
    private boolean olderServerWithoutTlsDetails(SQLException e) {
        return UNDEFINED_COLUMN.equals(e.getSQLState()) && reading.withTls() && facts == null;
    }

    private List<CatalogBatch.Query> queries() {
        return batch(inspection, Math.max(100, budget.remainingMillis() / 2), facts == null ? reading : null, server, heartbeat,
                versionNum);
    }

    /** What readiness inspects: the endpoint's user, database, schema and heartbeat schema, for the scopes it serves. */
    static Subject subject(ConnectionSpec spec, Set<ReadinessScope> served, int versionNum, ReadinessLimits limits) {
        return new Subject(spec.username(), spec.databaseName(), Optional.ofNullable(spec.schemaName()),
                heartbeat(spec) ? Optional.of(spec.heartbeatSchema()) : Optional.empty(), served, versionNum, limits);
    }

    /** Heartbeats are written on the primary of a source that has them on. */
    static boolean heartbeat(ConnectionSpec spec) {
        return spec.heartbeat() && spec.expectsPrimary();
    }

    /**
     * The batch, one round trip: readiness's leading queries, the statement timeout, the facts, SCHEMA,
     * HEARTBEAT, readiness's queries and its trailing ones. {@link TestSql} prints the same.
     *
     * @param inspection readiness, or null once the server refused its queries
     * @param reading    the facts to read in the batch, or null when they were read before it
     */
    static List<CatalogBatch.Query> batch(ReadinessInspection inspection, long statementTimeoutMillis,
            ServerFacts.Reading reading, ServerChecks server, boolean heartbeat, int versionNum) {
        List<CatalogBatch.Query> queries = new ArrayList<>();
        if (inspection != null) {
            queries.addAll(inspection.leadingQueries());
            // On a huge catalog the server gives up before the test's time is up, and the retry without readiness fits.
            // The inspection's estimated cost grows with the catalog, so past jit_above_cost the server would spend
            // 50-100 ms compiling it (measured on 10,000 tables) to save a few: JIT goes off for this transaction.
            queries.add(CatalogBatch.Query.of("SELECT set_config('statement_timeout', ?, true)"
                    + (versionNum >= FIRST_JIT_VERSION ? JIT_OFF : ""), statementTimeoutMillis + "ms"));
        }
        if (reading != null) {
            queries.add(reading.query());
        }
        queries.add(server.schemaQuery());
        if (heartbeat) {
            queries.add(server.heartbeatQuery());
        }
        if (inspection != null) {
            queries.addAll(inspection.queries());
            queries.addAll(inspection.trailingQueries());
        }
        return queries;
    }

    private void answer(Connection connection, Text network) throws SQLException {
        try (CatalogBatch answers = CatalogBatch.send(connection, queries())) {
            if (inspection != null) {
                readInspection(() -> inspection.readLeading(answers));
                answers.next();
            }
            if (facts == null) {
                facts = ServerFacts.read(answers.next());
            }
            recorded = true;
            recorder.record(CheckName.NETWORK, CheckResult.passed(Text.of("check.network.session", network, tls(facts.tls()))));
            recorder.record(CheckName.AUTHENTICATION, authentication);
            recorder.record(CheckName.DATABASE, CheckResult.passed(Text.of("check.database.connected",
                    ConnectFailures.quoted(spec.databaseName()), facts.version())));
            recorder.record(CheckName.SCHEMA, server.schema(answers.next()));
            recorder.record(CheckName.ROLE, server.role(facts.inRecovery()));
            if (heartbeat) {
                recorder.record(CheckName.HEARTBEAT, server.heartbeat(answers.next()));
            }
            if (inspection != null) {
                readInspection(() -> inspection.read(answers));
            }
        }
    }

    /** The session's encryption as the server reports it (ServerFacts): "encrypted with TLSv1.3 (cipher)" or a word for none. */
    private static Text tls(String reported) {
        return switch (reported) {
            case "not encrypted" -> Text.of("check.tls.none");
            case "encryption unknown" -> Text.of("check.tls.unknown");
            default -> reported.startsWith("encrypted with ") ? Text.of("check.tls.encrypted", reported.substring("encrypted with ".length()))
                    : Text.of("text.verbatim", reported);
        };
    }

    /** A part of readiness's answers that cannot be read leaves readiness uninspected, never the test failed. */
    private interface InspectionRead {
        void read() throws SQLException;
    }

    private void readInspection(InspectionRead read) {
        try {
            read.read();
        } catch (SQLException e) {
            readiness = ReadinessOutcome.answersUnreadable(text.clean(e.getMessage()));
            inspection = null;
        }
    }

    private static boolean isConnectionError(SQLException e) {
        return e.getSQLState() == null || e.getSQLState().startsWith("08");
    }

    /** {@code server_version_num} from what the server reported at sign-in: no round trip. */
    private static int versionNum(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        int major = metaData.getDatabaseMajorVersion();
        int minor = metaData.getDatabaseMinorVersion();
        return major >= 10 ? major * 10000 + minor : major * 10000 + minor * 100;
    }
}
