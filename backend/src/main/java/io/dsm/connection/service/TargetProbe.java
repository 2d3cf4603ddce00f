package io.dsm.connection.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.dsm.acceptance.service.LiveAcceptance;
import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.Check;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessLimits;
import io.dsm.readiness.service.ReadinessOutcome;

/** Runs the checks for one endpoint, in order, within the test's budget. */
final class TargetProbe {

    private final ConnectionSpec spec;
    private final AddressPolicy policy;
    private final TestBudget budget;
    private final ExecutorService workers;
    private final ScheduledExecutorService cancels;
    private final ServerText text;
    private final Set<ReadinessScope> served;
    private final CheckList checks;
    private String serverVersion;
    private ReplicationProbe replication;
    private final ReadinessLimits limits;
    private final Optional<Duration> slotProbeWait;
    private ReadinessOutcome readiness = ReadinessOutcome.connectionFailed();

    /** @param served the scopes this endpoint serves, which decide what readiness inspects on it */
    /** @param slotProbeWait how long a temporary slot's creation may wait, or empty where no slot is probed */
    TargetProbe(ConnectionSpec spec, Set<ReadinessScope> served, AddressPolicy policy, TestBudget budget, ExecutorService workers,
            ScheduledExecutorService cancels, ReadinessLimits limits, Optional<Duration> slotProbeWait) {
        this.cancels = cancels;
        this.limits = limits;
        this.slotProbeWait = slotProbeWait;
        this.spec = spec;
        this.served = served;
        this.policy = policy;
        this.budget = budget;
        this.workers = workers;
        this.text = new ServerText(spec.password());
        this.checks = new CheckList(spec);
    }

    CheckTarget target() {
        return spec.target();
    }

    Set<ReadinessScope> served() {
        return served;
    }

    ReadinessOutcome readiness() {
        return readiness;
    }

    /**
     * Says again what incremental sync needs (the REPLICATION check) without the findings these acceptances
     * cover, which the verdicts leave out too: the check ran before the saved source's acceptances were applied.
     */
    void apply(List<LiveAcceptance> accepted) {
        if (!accepted.isEmpty() && spec.expectsPrimary() && checks.checks().stream().anyMatch(
                c -> c.name() == CheckName.REPLICATION && c.status() != CheckStatus.SKIPPED && c.status() != CheckStatus.FAILED)) {
            checks.replace(CheckName.REPLICATION, ReplicationSummary.of(CoveredFindings.open(readiness, accepted)));
        }
    }

    List<Check> checks() {
        return checks.checks();
    }

    Optional<String> serverVersion() {
        return Optional.ofNullable(serverVersion);
    }

    TargetProbe run() {
        InetAddress address;
        try {
            address = AddressLookup.resolve(spec, policy, budget, workers);
        } catch (AddressLookup.Unresolved unresolved) {
            return fail(unresolved.failure);
        }
        Optional<AddressPolicy.Refusal> refusal = policy.refusal(address, spec.port());
        if (refusal.isPresent()) {
            return fail(Failure.of(CheckName.NETWORK, Text.of("check.network.not-allowed", spec.host(), refusal.get().reason()),
                    refusal.get().remedy()));
        }
        long tcpStart = System.nanoTime();
        // pgjdbc signs in on this socket: the target sees one connection per test, not a probe and another.
        Socket socket = PinnedSocketFactory.unconnected(address, budget.deadlineNanos());
        try {
            socket.connect(new InetSocketAddress(address, spec.port()), (int) Math.max(1, budget.remainingMillis()));
        } catch (IOException e) {
            JdbcConnector.closeQuietly(socket);
            return fail(ConnectFailures.tcpFailure(e, spec, budget.totalMillis()));
        }
        long tcpNanos = System.nanoTime() - tcpStart;
        if (spec.password().isEmpty()) {
            JdbcConnector.closeQuietly(socket);
            checks.pass(CheckName.NETWORK, Text.of("check.network.passed", reached(address, tcpNanos)));
            return fail(Failure.of(CheckName.AUTHENTICATION, Text.of("check.authentication.password-unusable", spec.passwordProblem()),
                    Text.of("check.authentication.password-unusable.hint")));
        }
        if (served.contains(ReadinessScope.INCREMENTAL_SYNC)) {
            replication = ReplicationProbe.start(spec, address, budget, text, workers, cancels, slotProbeWait);
        }
        JdbcConnector.Attempt attempt = connectWithUtilityMode(address, socket);
        if (attempt.connection() == null) {
            if (replication != null) {
                replication.holdBack("the test's own connection did not sign in");
            }
            // The port accepted TCP, so a read that timed out is a handshake that never finished, even when the
            // socket's millisecond timer fired a hair before the budget's nanosecond deadline.
            boolean timedOut = budget.expired() || ConnectFailures.find(attempt.failure(), SocketTimeoutException.class) != null;
            return fail(ConnectFailures.classify(attempt.failure(), spec, text, timedOut, budget.totalMillis()));
        }
        Connection connection = attempt.connection();
        SessionChecks session = new SessionChecks(spec, served, text, budget, replication, limits, checks::record);
        try {
            Text reached = reached(address, tcpNanos);
            Text network = attempt.options().map(o -> Text.of("check.network.utility-mode", reached, GreenplumUtilityMode.describe(o)))
                    .orElse(reached);
            session.run(connection, network, PasswordMethods.signedIn(spec, attempt.passwordMethod()));
        } catch (SQLException e) {
            recordLate(e);
        } finally {
            if (replication != null) {
                replication.holdBack("the test ended first");
            }
            serverVersion = session.serverVersion().orElse(null);
            readiness = session.readiness();
            // The answer need not wait for the goodbye, nor for the server's backend to exit.
            closeLater(connection);
        }
        return this;
    }

    /** The first attempt signs in on the probe's socket; a retry in utility mode dials again. */
    private JdbcConnector.Attempt connectWithUtilityMode(InetAddress address, Socket connected) {
        JdbcConnector.Attempt attempt = JdbcConnector.connect(spec, address, connected, budget, Optional.empty());
        while (attempt.connection() == null && !budget.expired()) {
            Optional<String> retry = GreenplumUtilityMode.retryAfter(spec.attribute(), attempt.options(),
                    attempt.failure().getMessage());
            if (retry.isEmpty()) {
                break;
            }
            attempt = JdbcConnector.connect(spec, address, null, budget, retry);
        }
        return attempt;
    }

    private void closeLater(Connection connection) {
        try {
            workers.execute(() -> closeQuietly(connection));
        } catch (RejectedExecutionException stopping) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the test is over; the server drops the session when the socket closes
        }
    }

    /** Tenths of a millisecond below 10 ms: on a LAN the TCP handshake takes well under one. */
    static Text milliseconds(long nanos) {
        long tenths = Math.round(nanos / 1e5);
        if (tenths == 0) {
            return Text.of("check.network.under-a-tenth");
        }
        return Text.of("check.network.ms", tenths < 100 ? tenths / 10 + "." + tenths % 10 : Long.toString(Math.round(nanos / 1e6)));
    }

    private Text reached(InetAddress address, long tcpNanos) {
        String resolved = address.getHostAddress().equals(spec.host()) ? "" : " (" + address.getHostAddress() + ")";
        return Text.of("check.network.reached-in", spec.host() + resolved + ":" + spec.port(), milliseconds(tcpNanos));
    }

    /** A check that failed after the connection was made: a lost connection or the budget ran out. */
    private void recordLate(SQLException e) {
        Text message = budget.expired()
                ? Text.of("check.late.timeout", budget.totalMillis())
                : Text.of("check.late.broken", text.clean(e.getMessage()));
        checks.failNext(message, e.getSQLState());
    }

    private TargetProbe fail(Failure failure) {
        checks.fail(failure);
        return this;
    }
}
