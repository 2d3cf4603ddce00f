package io.dsm.common.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

/** Recognises failures that mean dsm's own database cannot be reached right now. */
final class StoreUnavailable {

    /**
     * Why the store could not be used, without any server text, and whether it was lost while a
     * transaction was being committed: then dsm cannot know whether the change landed.
     */
    record StoreFailure(String reason, boolean duringCommit) {
    }

    private StoreUnavailable() {
    }

    static Optional<StoreFailure> detect(Throwable failure) {
        Optional<String> reason = Optional.empty();
        boolean duringCommit = false;
        // The transaction manager reports a failed commit with the driver's error as a suppressed
        // exception, not as a cause: both are walked.
        for (Throwable each : everyThrowableIn(failure)) {
            if (reason.isEmpty()) {
                reason = connectionLoss(each);
            }
            duringCommit |= isCommitFailure(each);
        }
        boolean committing = duringCommit;
        return reason.map(why -> new StoreFailure(why, committing));
    }

    private static Optional<String> connectionLoss(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
            return Optional.of(cause.getClass().getSimpleName());
        }
        if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
            return Optional.of("SQLSTATE " + sql.getSQLState());
        }
        if (cause instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
            return Optional.of("connection pool acquisition timeout");
        }
        return Optional.empty();
    }

    private static boolean isCommitFailure(Throwable cause) {
        return cause instanceof RollbackException || cause instanceof HeuristicMixedException
                || cause instanceof HeuristicRollbackException || cause instanceof XAException;
    }

    private static boolean isConnectionState(String sqlState) {
        // Class 08 is "connection exception"; 57P01-57P03 are shutdown and "cannot connect now".
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    private static Iterable<Throwable> everyThrowableIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < 64) {
            Throwable next = pending.poll();
            if (seen.add(next)) {
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
                Collections.addAll(pending, next.getSuppressed());
            }
        }
        return seen;
    }
}
