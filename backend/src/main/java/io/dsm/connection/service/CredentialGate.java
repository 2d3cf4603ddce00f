package io.dsm.connection.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.postgresql.plugin.AuthenticationRequestType;

import io.dsm.datasource.TlsMode;

/**
 * The password of one connection attempt and the rule for handing it to pgjdbc, which asks for it
 * through {@link PasswordPlugin} only once the server has said how it wants the password checked:
 * <ul>
 * <li>SCRAM and MD5 prove the password without sending it: it is handed over.</li>
 * <li>Cleartext (pg_hba method {@code password}) gives the password to whoever answers, so it goes
 * only to a server whose identity TLS verified ({@link #verifiesServer}). Any other server, such as
 * a fake one on a host someone typed into a test, gets nothing.</li>
 * <li>The password itself may come later: the replication connection's waits until the test's own
 * connection signed in with it ({@link ReplicationProbe}).</li>
 * </ul>
 * It remembers what the server asked for, so that the AUTHENTICATION check can name it.
 */
final class CredentialGate {

    private final CompletableFuture<char[]> password;
    private final boolean serverVerified;
    private volatile AuthenticationRequestType askedFor;

    /**
     * @param password completes with the password to hand over (null: there is none), or exceptionally
     *                 with the reason it is held back
     */
    CredentialGate(CompletableFuture<char[]> password, ConnectionSpec spec) {
        this.password = password;
        this.serverVerified = verifiesServer(spec);
    }

    /**
     * Whether TLS proves who the server is: {@code verify-full} checks the certificate's chain and its
     * host name, {@code verify-ca} only the chain, which proves something only against a CA pinned on
     * the data source (against the JVM's trust store, anyone with a public CA's certificate passes).
     */
    static boolean verifiesServer(ConnectionSpec spec) {
        return spec.tlsMode() == TlsMode.VERIFY_FULL || spec.tlsMode() == TlsMode.VERIFY_CA && spec.caCertificate() != null;
    }

    /** For the plugin: the password for the method the server asked for, or failed with why it is withheld. */
    CompletableFuture<char[]> ask(AuthenticationRequestType method) {
        askedFor = method;
        if (withholdsCleartext()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the server asked for it in cleartext and TLS did not verify the server"));
        }
        return password;
    }

    /** How the server asked for the password; empty when it asked for none (trust) or did not get that far. */
    Optional<AuthenticationRequestType> askedFor() {
        return Optional.ofNullable(askedFor);
    }

    /** The server asked for the password in cleartext, and it was not sent. */
    boolean withholdsCleartext() {
        return askedFor == AuthenticationRequestType.CLEARTEXT_PASSWORD && !serverVerified;
    }

    /** pgjdbc wipes the copy it was given; this wipes the gate's own once the attempt is over. */
    void wipe() {
        char[] value = password.isDone() && !password.isCompletedExceptionally() ? password.getNow(null) : null;
        if (value != null) {
            Arrays.fill(value, '\0');
        }
    }
}
