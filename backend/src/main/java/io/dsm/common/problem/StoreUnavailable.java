package io.dsm.common.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** Recognises failures that mean dsm's own database cannot be reached right now. */
final class StoreUnavailable {

    private StoreUnavailable() {
    }

    /** The short reason, without any server text, if {@code failure} is caused by an unreachable store. */
    static Optional<String> detect(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return Optional.of(cause.getClass().getSimpleName());
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of("SQLSTATE " + sql.getSQLState());
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return Optional.of("connection pool acquisition timeout");
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionState(String sqlState) {
        // Class 08 is "connection exception"; 57P01-57P03 are shutdown and "cannot connect now".
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
                || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }
}
