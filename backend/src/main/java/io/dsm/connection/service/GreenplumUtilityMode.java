package io.dsm.connection.service;

import java.util.Locale;
import java.util.Optional;

import io.dsm.common.i18n.Text;
import io.dsm.datasource.DatabaseAttribute;

/**
 * Greenplum segments refuse ordinary connections; a Child Node data source reaches them in utility
 * mode, set at startup: {@code gp_session_role=utility} on Greenplum 6, {@code gp_role=utility} on 7.
 * Which one the server takes is only known from its answer, so this decides what to try next.
 */
final class GreenplumUtilityMode {

    static final String GREENPLUM_6 = "-c gp_session_role=utility";
    static final String GREENPLUM_7 = "-c gp_role=utility";

    private GreenplumUtilityMode() {
    }

    /**
     * The startup options to retry with after a refused connection, or empty when a retry would not help.
     *
     * @param tried the options the refused attempt used, empty for an ordinary connection
     */
    static Optional<String> retryAfter(DatabaseAttribute attribute, Optional<String> tried, String serverMessage) {
        if (attribute != DatabaseAttribute.CHILD_NODE || serverMessage == null) {
            return Optional.empty();
        }
        String message = serverMessage.toLowerCase(Locale.ROOT);
        if (tried.isEmpty() && (message.contains("utility mode") || message.contains("segment"))) {
            return Optional.of(GREENPLUM_6);
        }
        if (tried.equals(Optional.of(GREENPLUM_6)) && message.contains("gp_session_role")) {
            return Optional.of(GREENPLUM_7);
        }
        return Optional.empty();
    }

    /** How the NETWORK check names the mode a connection was made in. */
    static Text describe(String options) {
        return Text.of("check.network.greenplum-utility", options.substring(3));
    }
}
