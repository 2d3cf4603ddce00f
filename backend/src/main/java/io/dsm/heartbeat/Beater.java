package io.dsm.heartbeat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.ConnectFailures;
import io.dsm.datasource.HeartbeatState;
import io.dsm.readiness.service.HeartbeatPublications;

/**
 * Writes one data source's beats, one run per interval on a shared thread pool. A failing target
 * is retried with backoff (up to a minute), except that a target that was unreachable is probed
 * every interval, so beats resume within two intervals of its return.
 */
final class Beater implements Runnable {

    private static final Logger LOG = Logger.getLogger(Beater.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** Publications change rarely; they are checked at provisioning and every this many beats. */
    static final int PUBLICATION_CHECK_EVERY = 12;

    interface Context {
        boolean leaseValid();

        boolean stillOwned(java.util.UUID dataSourceId);

        AddressPolicy policy();

        TargetConnections connections();

        String applicationName();

        Duration interval();

        void beatWritten(long latenessMillis);

        void beatFailed();

        void statusChanged(BeatStatus status);
    }

    private final Context context;
    private volatile HeartbeatTarget target;
    private volatile boolean provisioned;
    private long expectedNanos;
    private long nextAttemptNanos;
    private boolean unreachable;
    private int failures;
    private int beatsSincePublicationCheck;
    private Instant lastBeatAt;
    private Text warning;

    Beater(HeartbeatTarget target, Context context) {
        this.target = target;
        this.context = context;
        this.expectedNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(firstBeatOffsetMillis());
    }

    /** Where in the interval this data source beats: spread, so that 1,000 data sources do not all beat at once. */
    long firstBeatOffsetMillis() {
        return Math.floorMod(target.dataSourceId().hashCode(), context.interval().toMillis());
    }

    HeartbeatTarget target() {
        return target;
    }

    /** The data source changed (host, credentials, schema...): beats go to the new target from now on. */
    synchronized void retarget(HeartbeatTarget changed) {
        if (!changed.spec().equals(target.spec())) {
            provisioned = false;
            nextAttemptNanos = 0;
        }
        target = changed;
    }

    @Override
    public synchronized void run() {
        long now = System.nanoTime();
        long latenessMillis = Math.max(0, (now - expectedNanos) / 1_000_000);
        expectedNanos += context.interval().toNanos();
        if (!context.leaseValid()) {
            return;
        }
        if (now < nextAttemptNanos && !(unreachable && reachable())) {
            return;
        }
        HeartbeatTarget current = target;
        try {
            InetAddress address = resolve(current);
            write(current, address);
            succeeded(latenessMillis);
        } catch (BeatFailure failure) {
            failed(failure.reason, failure.unreachable);
        }
    }

    private void write(HeartbeatTarget current, InetAddress address) throws BeatFailure {
        TargetConnections.Lease lease;
        try {
            lease = context.connections().acquire(current.spec(), address, context.applicationName());
        } catch (SQLException e) {
            throw new BeatFailure(ConnectFailures.describe(e, current.spec()), isUnreachable(e));
        }
        HeartbeatTable table = new HeartbeatTable(current.schema());
        long epochSecond = Instant.now().getEpochSecond();
        synchronized (lease) {
            try {
                if (!provisioned) {
                    table.provision(lease.connection, epochSecond);
                    provisioned = true;
                    checkPublications(table, lease);
                } else if (!table.beat(lease.connection, epochSecond)) {
                    table.provision(lease.connection, epochSecond);
                } else if (++beatsSincePublicationCheck >= PUBLICATION_CHECK_EVERY) {
                    checkPublications(table, lease);
                }
            } catch (SQLException e) {
                if (HeartbeatTable.UNDEFINED_TABLE.equals(e.getSQLState()) && recreate(table, lease, epochSecond, current)) {
                    return;
                }
                if (isConnectionLost(e)) {
                    context.connections().discard(current.spec(), lease);
                }
                throw new BeatFailure(HeartbeatFailures.describe(e, table, current.spec()), isConnectionLost(e));
            }
        }
    }

    /** The table was dropped behind dsm's back: recreate it, unless this instance no longer owns the beats. */
    private boolean recreate(HeartbeatTable table, TargetConnections.Lease lease, long epochSecond, HeartbeatTarget current) {
        if (!context.stillOwned(current.dataSourceId())) {
            return true;
        }
        try {
            table.provision(lease.connection, epochSecond);
            LOG.infof("Recreated the heartbeat table %s of data source %s", table.displayName(), current.identifier());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void checkPublications(HeartbeatTable table, TargetConnections.Lease lease) throws SQLException {
        beatsSincePublicationCheck = 0;
        List<String> leavingOut = HeartbeatPublications.leavingOut(lease.connection, table.schema(), HeartbeatTable.NAME);
        warning = HeartbeatPublications.problem(leavingOut, table.schema(), HeartbeatTable.NAME)
                .map(problem -> Words.paragraph(List.of(problem, Text.of("heartbeat.publications.addTable",
                        HeartbeatPublications.fix(leavingOut, table.schema(), HeartbeatTable.NAME).replace('\n', ' ')))))
                .orElse(null);
    }

    private InetAddress resolve(HeartbeatTarget current) throws BeatFailure {
        try {
            return TargetAddress.resolve(current.spec(), context.policy());
        } catch (TargetAddress.Unusable e) {
            throw new BeatFailure(e.reason, e.unreachable);
        }
    }

    /**
     * A TCP connect to the target: cheap enough to try every interval while it is down. It dials only
     * an address the policy allows, as a beat would.
     */
    private boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(TargetAddress.resolve(target.spec(), context.policy()), target.spec().port()), 1000);
            return true;
        } catch (IOException | TargetAddress.Unusable e) {
            return false;
        }
    }

    private void succeeded(long latenessMillis) {
        failures = 0;
        unreachable = false;
        nextAttemptNanos = 0;
        lastBeatAt = Instant.now();
        context.beatWritten(latenessMillis);
        context.statusChanged(new BeatStatus(target.dataSourceId(), HeartbeatState.ACTIVE, lastBeatAt, null, 0, warning));
    }

    private void failed(Text error, boolean targetUnreachable) {
        failures++;
        unreachable = targetUnreachable;
        long backoff = Math.min(MAX_BACKOFF.toNanos(), context.interval().toNanos() << Math.min(failures - 1, 20));
        nextAttemptNanos = System.nanoTime() + backoff;
        context.beatFailed();
        if (failures == 1) {
            LOG.warnf("Heartbeat of data source %s failed: %s", target.identifier(), error);
        }
        context.statusChanged(new BeatStatus(target.dataSourceId(), HeartbeatState.FAILING, lastBeatAt, error, failures, warning));
    }

    private static boolean isUnreachable(SQLException e) {
        return isConnectionLost(e) || e.getSQLState() != null && (e.getSQLState().equals("57P03") || e.getSQLState().equals("53300"));
    }

    private static boolean isConnectionLost(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08")
                || ConnectFailures.find(e, IOException.class) != null;
    }

    /** Why a beat failed: kept as a text, for each reader's language; its message (logs) is English. */
    static final class BeatFailure extends Exception {
        final transient Text reason;
        final boolean unreachable;

        BeatFailure(Text reason, boolean unreachable) {
            super(null, null, false, false);
            this.reason = reason;
            this.unreachable = unreachable;
        }

        @Override
        public String getMessage() {
            return reason.english();
        }
    }

    Optional<Instant> lastBeatAt() {
        return Optional.ofNullable(lastBeatAt);
    }
}
