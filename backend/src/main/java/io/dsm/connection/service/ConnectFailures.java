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
    public static String describe(Throwable failure, ConnectionSpec spec) {
        return classify(failure, spec, new ServerText(spec.password()), false, 0).message();
    }

    static Failure classify(Throwable failure, ConnectionSpec spec, ServerText text, boolean timedOut, long timeoutMillis) {
        String where = spec.host() + ":" + spec.port();
        if (timedOut) {
            return new Failure(CheckName.NETWORK,
                    where + " accepted the TCP connection but did not complete the PostgreSQL handshake within "
                            + timeoutMillis + " ms.",
                    "Check that this port is a PostgreSQL server; a proxy or firewall may be holding the connection open.",
                    null);
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
            return new Failure(CheckName.NETWORK, where + " did not answer in time.",
                    "Check the host and port, and that no firewall drops the packets.", state);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return unknownHost(spec);
        }
        if (find(failure, SocketException.class) != null) {
            return new Failure(CheckName.NETWORK, "The connection to " + where + " was closed by the server or the network.",
                    "Check that the port is a PostgreSQL server and that nothing in between resets connections.", state);
        }
        return new Failure(CheckName.AUTHENTICATION, "The server refused the connection: " + serverMessage,
                "Check the server log for this attempt.", state);
    }

    static Failure refused(ConnectionSpec spec) {
        return new Failure(CheckName.NETWORK, "Nothing accepts connections at " + spec.host() + ":" + spec.port()
                + " (connection refused).",
                "Check the host and port, and that PostgreSQL is running and listens on this address (listen_addresses).",
                null);
    }

    static Failure unknownHost(ConnectionSpec spec) {
        return new Failure(CheckName.NETWORK, "The host name " + spec.host() + " cannot be resolved.",
                "Check the spelling, or use the IP address.", null);
    }

    static Failure tcpFailure(Exception e, ConnectionSpec spec, long timeoutMillis) {
        String where = spec.host() + ":" + spec.port();
        if (e instanceof SocketTimeoutException) {
            return new Failure(CheckName.NETWORK, "No answer from " + where + " within " + timeoutMillis + " ms.",
                    "A firewall may drop the packets, or the host is down. Check the host, port and network route.", null);
        }
        if (e instanceof NoRouteToHostException) {
            return new Failure(CheckName.NETWORK, "There is no network route to " + where + ".",
                    "Check the address and the network between dsm and the database.", null);
        }
        if (e instanceof ConnectException) {
            return refused(spec);
        }
        return new Failure(CheckName.NETWORK, where + " cannot be reached: " + e.getClass().getSimpleName() + ".",
                "Check the host, port and network route.", null);
    }

    private static Failure bySqlState(String state, String serverMessage, ConnectionSpec spec, ServerText text) {
        String user = quoted(spec.username());
        String database = quoted(spec.databaseName());
        switch (state) {
            case "28P01":
                return new Failure(CheckName.AUTHENTICATION, "Password authentication failed for user " + user + ".",
                        "Check the username and password; the server rejected them.", state);
            case "28000":
                if (serverMessage.contains("pg_hba.conf")) {
                    return new Failure(CheckName.AUTHENTICATION,
                            "The server's pg_hba.conf admits no connection like this one: " + serverMessage,
                            "Add a host (or hostssl) line for dsm's address, user " + user + " and database " + database
                                    + " to pg_hba.conf, then reload the server.", state);
                }
                return new Failure(CheckName.AUTHENTICATION, "The server rejected user " + user + ": " + serverMessage,
                        "Check that the role exists and has the LOGIN attribute.", state);
            case "3D000":
                return new Failure(CheckName.DATABASE, "Database " + database + " does not exist on the server.",
                        "Check the database name (case matters); psql's \\l lists them.", state);
            case "42501":
                return new Failure(CheckName.DATABASE, "User " + user + " may not connect to database " + database + ".",
                        "GRANT CONNECT ON DATABASE " + text.identifier(spec.databaseName()) + " TO "
                                + text.identifier(spec.username()) + ";", state);
            case "53300":
                return new Failure(CheckName.NETWORK, "The server accepts no more connections (too many connections).",
                        "Close idle sessions or raise max_connections; the password could not be checked.", state);
            case "57P03":
                return new Failure(CheckName.NETWORK,
                        "The server is starting up or shutting down, or is a standby that refuses connections.",
                        "Retry in a moment; a standby needs hot_standby = on to accept connections.", state);
            default:
                if (serverMessage.toLowerCase(Locale.ROOT).contains("password") && state.startsWith("08")
                        && serverMessage.toLowerCase(Locale.ROOT).contains("no password")) {
                    return new Failure(CheckName.AUTHENTICATION, "The server asks for a password and none was given.",
                            "Enter the password of user " + user + ".", state);
                }
                return null;
        }
    }

    private static Failure tlsFailure(Throwable failure, ConnectionSpec spec, String serverMessage) {
        String lower = serverMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("does not support ssl")) {
            return new Failure(CheckName.NETWORK, "TLS is required (mode " + spec.tlsMode().value()
                    + "), but the server does not offer it.",
                    "Enable ssl on the server, or choose TLS mode prefer or disable.", "08004");
        }
        if (lower.contains("hostname") && lower.contains("could not be verified")) {
            return new Failure(CheckName.NETWORK, "The server's certificate does not name the host " + spec.host() + ".",
                    "Connect with a host name the certificate names, or use TLS mode verify-ca.", null);
        }
        if (find(failure, CertPathValidatorException.class) != null || find(failure, CertificateException.class) != null
                || (find(failure, SSLException.class) != null && lower.contains("certif"))) {
            return new Failure(CheckName.NETWORK, "The server's certificate is not signed by a trusted CA.",
                    "Give the CA certificate that signed the server's certificate, or use TLS mode require.", null);
        }
        if (find(failure, SSLException.class) != null) {
            return new Failure(CheckName.NETWORK, "The TLS handshake with the server failed.",
                    "Check the server's TLS setup (ssl, ssl_cert_file) and the TLS mode.", null);
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
