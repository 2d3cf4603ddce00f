package io.dsm.connection.service;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.dsm.common.i18n.Text;
import io.dsm.readiness.service.ReadinessInspection;
import io.dsm.readiness.service.ReplicationConnectionResult;
import io.dsm.readiness.service.SlotProbe;

/**
 * The readiness check replication.connection: a logical replication connection, opened as the user
 * from dsm's address, that runs one command and closes. It dials beside the test's ordinary
 * connection, so that the test takes about one connection's time, and its password waits at the
 * gate until the ordinary connection has signed in (or never goes out). The command is
 * IDENTIFY_SYSTEM, or with the slot probe on, CREATE_REPLICATION_SLOT of a TEMPORARY logical slot:
 * the server drops it when the connection ends, whatever happens, and dsm never drops a slot itself.
 * The probe waits at most its bound: lock_timeout (in the startup packet) ends the server's wait for
 * running transactions, and a cancel ends any other wait (a standby's, for its primary).
 */
final class ReplicationProbe {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    /** The cancel comes this long after lock_timeout should have ended the wait inside the server. */
    private static final long CANCEL_SLACK_MILLIS = 100;
    /** Time the test keeps after the probe's bound to read the answers and reply. */
    private static final long ANSWER_MILLIS = 200;
    private static final SecureRandom NAMES = new SecureRandom();

    private final ScheduledExecutorService cancels;
    private final ConnectionSpec spec;
    private final TestBudget budget;
    private final ServerText text;
    private final long probeWaitMillis;
    private final CompletableFuture<char[]> gate = new CompletableFuture<>();
    private final CompletableFuture<ReplicationConnectionResult> result = new CompletableFuture<>();
    private volatile String heldBack;

    private ReplicationProbe(ConnectionSpec spec, TestBudget budget, ServerText text, ScheduledExecutorService cancels,
            long probeWaitMillis) {
        this.cancels = cancels;
        this.spec = spec;
        this.budget = budget;
        this.text = text;
        this.probeWaitMillis = probeWaitMillis;
    }

    /** @param slotProbeWait how long a temporary slot's creation may wait, or empty for IDENTIFY_SYSTEM only */
    static ReplicationProbe start(ConnectionSpec spec, InetAddress address, TestBudget budget, ServerText text,
            ExecutorService workers, ScheduledExecutorService cancels, Optional<Duration> slotProbeWait) {
        long wait = slotProbeWait.map(bound -> Math.min(bound.toMillis(), budget.remainingMillis() - ANSWER_MILLIS)).orElse(0L);
        ReplicationProbe probe = new ReplicationProbe(spec, budget, text, cancels, Math.max(0, wait));
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
                ReadinessInspection.REPLICATION_APPLICATION, probeWaitMillis);
        if (attempt.connection() == null) {
            result.complete(failed(attempt.failure()));
            return;
        }
        try (Connection connection = attempt.connection()) {
            result.complete(probeWaitMillis > 0 ? createTemporarySlot(connection) : identify(connection));
        } catch (SQLException closing) {
            // the answer is in; the server drops the session, and with it a temporary slot, when the socket closes
        }
    }

    /**
     * CREATE_REPLICATION_SLOT with the syntax every version from 10 to 18 accepts. NOEXPORT_SNAPSHOT still
     * waits for a consistent point, which is what a project's slot would wait for.
     */
    private ReplicationConnectionResult createTemporarySlot(Connection connection) {
        byte[] random = new byte[8];
        NAMES.nextBytes(random);
        String name = SlotProbe.SLOT_PREFIX + HexFormat.of().formatHex(random);
        long start = System.nanoTime();
        int pid;
        try {
            pid = connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return failed(e);
        }
        try (Statement statement = connection.createStatement()) {
            ScheduledFuture<?> cancel = cancels.schedule(() -> cancelQuietly(statement), probeWaitMillis + CANCEL_SLACK_MILLIS,
                    TimeUnit.MILLISECONDS);
            try (ResultSet row = statement.executeQuery("CREATE_REPLICATION_SLOT " + name + " TEMPORARY LOGICAL pgoutput "
                    + "NOEXPORT_SNAPSHOT")) {
                row.next();
                return ReplicationConnectionResult.probed(SlotProbe.created(millisSince(start), row.getString(2)), pid);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state == null || state.startsWith("08")) {
                return failed(e);
            }
            String message = text.clean(serverMessage(e));
            return ReplicationConnectionResult.probed(LOCK_NOT_AVAILABLE.equals(state) || QUERY_CANCELED.equals(state)
                    ? SlotProbe.waited(millisSince(start), state, message)
                    : SlotProbe.refused(millisSince(start), state, message), pid);
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the answer came meanwhile, or the connection is gone: either way nothing waits any more
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
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
        return ReplicationConnectionResult.refused(failure.getSQLState(), text.clean(serverMessage(failure)));
    }

    private static String serverMessage(SQLException failure) {
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : failure.getMessage();
    }

    private ReplicationConnectionResult timedOut() {
        return ReplicationConnectionResult.timedOut(Text.of("replication.noAnswer", budget.totalMillis()));
    }
}
