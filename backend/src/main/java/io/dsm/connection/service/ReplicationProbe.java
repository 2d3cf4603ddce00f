package io.dsm.connection.service;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.dsm.readiness.service.ReadinessInspection;
import io.dsm.readiness.service.ReplicationConnectionResult;

/**
 * The readiness check replication.connection: a logical replication connection, opened as the user
 * from dsm's address, that runs IDENTIFY_SYSTEM and closes. It dials beside the test's ordinary
 * connection, so that the test takes about one connection's time, and its password waits at the
 * gate until the ordinary connection has signed in (or never goes out). No slot or publication is
 * created.
 */
final class ReplicationProbe {

    private final ConnectionSpec spec;
    private final TestBudget budget;
    private final ServerText text;
    private final CompletableFuture<char[]> gate = new CompletableFuture<>();
    private final CompletableFuture<ReplicationConnectionResult> result = new CompletableFuture<>();
    private volatile String heldBack;

    private ReplicationProbe(ConnectionSpec spec, TestBudget budget, ServerText text) {
        this.spec = spec;
        this.budget = budget;
        this.text = text;
    }

    static ReplicationProbe start(ConnectionSpec spec, InetAddress address, TestBudget budget, ServerText text,
            ExecutorService workers) {
        ReplicationProbe probe = new ReplicationProbe(spec, budget, text);
        try {
            workers.execute(() -> probe.run(address));
        } catch (RejectedExecutionException stopping) {
            probe.result.complete(ReplicationConnectionResult.notAttempted("dsm is stopping"));
        }
        return probe;
    }

    /**
     * The test's connection signed in: send the password, unless the server cannot decode at all or
     * would refuse this user a WAL sender (a refusal it would log as FATAL for nothing).
     */
    void release(boolean serverDecodes, boolean mayStartWalSender) {
        if (!serverDecodes) {
            holdBack("the server cannot decode changes");
        } else if (!mayStartWalSender) {
            holdBack("the user may not replicate");
        } else if (spec.password().isPresent()) {
            gate.complete(spec.password().get().reveal().toCharArray());
        }
    }

    /** The password never goes out on this connection; called once the test is over, it changes nothing. */
    void holdBack(String why) {
        if (!gate.isDone()) {
            heldBack = why;
            gate.completeExceptionally(new IllegalStateException(why));
        }
    }

    /** What happened, waiting at most until the test's deadline. */
    ReplicationConnectionResult await() {
        try {
            return result.get(Math.max(1, budget.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return timedOut();
        } catch (ExecutionException e) {
            return ReplicationConnectionResult.refused(null, text.clean(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReplicationConnectionResult.notAttempted("the test was interrupted");
        }
    }

    private void run(InetAddress address) {
        JdbcConnector.Attempt attempt = JdbcConnector.connectForReplication(spec, address, budget, gate,
                ReadinessInspection.REPLICATION_APPLICATION);
        if (attempt.connection() == null) {
            result.complete(failed(attempt.failure()));
            return;
        }
        try (Connection connection = attempt.connection()) {
            result.complete(identify(connection));
        } catch (SQLException closing) {
            // the answer is in; the server drops the session when the socket closes
        }
    }

    private ReplicationConnectionResult identify(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("IDENTIFY_SYSTEM")) {
            row.next();
            return ReplicationConnectionResult.accepted(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    connection.unwrap(PGConnection.class).getBackendPID());
        } catch (SQLException e) {
            return failed(e);
        }
    }

    private ReplicationConnectionResult failed(SQLException failure) {
        if (failure instanceof PasswordWithheld) {
            return ReplicationConnectionResult.withheld(PasswordMethods.CLEARTEXT_WITHHELD, PasswordMethods.CLEARTEXT_FIX);
        }
        if (heldBack != null) {
            return ReplicationConnectionResult.notAttempted(heldBack);
        }
        if (budget.expired()) {
            return timedOut();
        }
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : failure.getMessage();
        return ReplicationConnectionResult.refused(failure.getSQLState(), text.clean(message));
    }

    private ReplicationConnectionResult timedOut() {
        return ReplicationConnectionResult.timedOut("no answer within the " + budget.totalMillis() + " ms the test may take.");
    }
}
