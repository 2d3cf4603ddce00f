package io.dsm.connection.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;

/**
 * Turns a failed connection attempt into the check it fails and a sentence a person understands.
 * Server text is quoted only where it helps, and always through {@link ServerText}, which removes
 * the password.
 */
public final class ConnectFailures {

    private ConnectFailures() {
    }

    /** One sentence for a failed connection or statement, without the password: for heartbeat statuses. */
    public static Text describe(Throwable failure, ConnectionSpec spec) {
        return classify(failure, spec, new ServerText(spec.password()), false, 0).message();
    }

    static Failure classify(Throwable failure, ConnectionSpec spec, ServerText text, boolean timedOut, long timeoutMillis) {
        String where = spec.host() + ":" + spec.port();
        if (timedOut) {
            return Failure.of(CheckName.NETWORK, Text.of("check.network.handshake-timeout", where, timeoutMillis),
                    Text.of("check.network.handshake-timeout.hint"));
        }
        if (find(failure, PasswordWithheld.class) != null) {
            return PasswordMethods.cleartextWithheld();
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        String serverMessage = sql == null ? "" : text.clean(sql.getMessage());
        if (state != null) {
            Failure known = bySqlState(state, serverMessage, spec, text);
            if (known != null) {
                return known;
            }
        }
        Failure tls = tlsFailure(failure, spec, serverMessage);
        if (tls != null) {
            return tls;
        }
        if (find(failure, ConnectException.class) != null) {
            return refused(spec);
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new Failure(CheckName.NETWORK, Text.of("check.network.no-answer", where),
                    Text.of("check.network.no-answer.hint"), state);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return unknownHost(spec);
        }
        if (find(failure, SocketException.class) != null) {
            return new Failure(CheckName.NETWORK, Text.of("check.network.closed", where),
                    Text.of("check.network.closed.hint"), state);
        }
        return new Failure(CheckName.AUTHENTICATION, Text.of("check.authentication.refused", serverMessage),
                Text.of("check.authentication.refused.hint"), state);
    }

    static Failure refused(ConnectionSpec spec) {
        return Failure.of(CheckName.NETWORK, Text.of("check.network.refused", spec.host() + ":" + spec.port()),
                Text.of("check.network.refused.hint"));
    }

    static Failure unknownHost(ConnectionSpec spec) {
        return Failure.of(CheckName.NETWORK, Text.of("check.network.unknown-host", spec.host()),
                Text.of("check.network.unknown-host.hint"));
    }

    static Failure tcpFailure(Exception e, ConnectionSpec spec, long timeoutMillis) {
        String where = spec.host() + ":" + spec.port();
        if (e instanceof SocketTimeoutException) {
            return Failure.of(CheckName.NETWORK, Text.of("check.network.tcp-timeout", where, timeoutMillis),
                    Text.of("check.network.tcp-timeout.hint"));
        }
        if (e instanceof NoRouteToHostException) {
            return Failure.of(CheckName.NETWORK, Text.of("check.network.no-route", where), Text.of("check.network.no-route.hint"));
        }
        if (e instanceof ConnectException) {
            return refused(spec);
        }
        return Failure.of(CheckName.NETWORK, Text.of("check.network.unreachable", where, e.getClass().getSimpleName()),
                Text.of("check.network.unreachable.hint"));
    }

    private static Failure bySqlState(String state, String serverMessage, ConnectionSpec spec, ServerText text) {
        String user = quoted(spec.username());
        String database = quoted(spec.databaseName());
        switch (state) {
            case "28P01":
                return new Failure(CheckName.AUTHENTICATION, Text.of("check.authentication.password", user),
                        Text.of("check.authentication.password.hint"), state);
            case "28000":
                if (serverMessage.contains("pg_hba.conf")) {
                    return new Failure(CheckName.AUTHENTICATION, Text.of("check.authentication.hba", serverMessage),
                            Text.of("check.authentication.hba.hint", user, database), state);
                }
                return new Failure(CheckName.AUTHENTICATION, Text.of("check.authentication.rejected", user, serverMessage),
                        Text.of("check.authentication.rejected.hint"), state);
            case "3D000":
                return new Failure(CheckName.DATABASE, Text.of("check.database.missing", database),
                        Text.of("check.database.missing.hint"), state);
            case "42501":
                return new Failure(CheckName.DATABASE, Text.of("check.database.connect-denied", user, database),
                        Text.of("text.verbatim", "GRANT CONNECT ON DATABASE " + text.identifier(spec.databaseName()) + " TO "
                                + text.identifier(spec.username()) + ";"), state);
            case "53300":
                return new Failure(CheckName.NETWORK, Text.of("check.network.too-many-connections"),
                        Text.of("check.network.too-many-connections.hint"), state);
            case "57P03":
                return new Failure(CheckName.NETWORK, Text.of("check.network.not-accepting"),
                        Text.of("check.network.not-accepting.hint"), state);
            default:
                if (serverMessage.toLowerCase(Locale.ROOT).contains("password") && state.startsWith("08")
                        && serverMessage.toLowerCase(Locale.ROOT).contains("no password")) {
                    return new Failure(CheckName.AUTHENTICATION, Text.of("check.authentication.no-password"),
                            Text.of("check.authentication.no-password.hint", user), state);
                }
                return null;
        }
    }

    private static Failure tlsFailure(Throwable failure, ConnectionSpec spec, String serverMessage) {
        String lower = serverMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("does not support ssl")) {
            return new Failure(CheckName.NETWORK, Text.of("check.tls.not-offered", spec.tlsMode().value()),
                    Text.of("check.tls.not-offered.hint"), "08004");
        }
        if (lower.contains("hostname") && lower.contains("could not be verified")) {
            return Failure.of(CheckName.NETWORK, Text.of("check.tls.host-mismatch", spec.host()), Text.of("check.tls.host-mismatch.hint"));
        }
        if (find(failure, CertPathValidatorException.class) != null || find(failure, CertificateException.class) != null
                || (find(failure, SSLException.class) != null && lower.contains("certif"))) {
            return Failure.of(CheckName.NETWORK, Text.of("check.tls.untrusted"), Text.of("check.tls.untrusted.hint"));
        }
        if (find(failure, SSLException.class) != null) {
            return Failure.of(CheckName.NETWORK, Text.of("check.tls.handshake"), Text.of("check.tls.handshake.hint"));
        }
        return null;
    }

    static String quoted(String name) {
        return "\"" + name + "\"";
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
