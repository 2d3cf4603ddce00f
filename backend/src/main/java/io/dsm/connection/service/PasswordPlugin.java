package io.dsm.connection.service;

import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * pgjdbc's one source of passwords for every connection dsm opens to a data source (set by dsm, never
 * by a client; no such connection has a {@code password} property). pgjdbc calls it only when the
 * server asks for a password, with the method it asked for, and it answers from the attempt's
 * {@link CredentialGate}, waiting at most until the attempt's deadline. A gate that withholds the
 * password ends the attempt before any credential is sent; the server sees a client that hung up at
 * the password prompt, which it does not log as a failed sign-in.
 */
public class PasswordPlugin implements AuthenticationPlugin {

    static final String TOKEN = "dsmCredentialGate";
    static final String DEADLINE = "dsmCredentialDeadline";

    private final String token;
    private final long deadlineNanos;

    public PasswordPlugin(Properties info) {
        this.token = info.getProperty(TOKEN, "");
        this.deadlineNanos = Long.parseLong(info.getProperty(DEADLINE, "0"));
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        CompletableFuture<char[]> gate = CredentialGates.askFromContext(token, type);
        if (gate == null) {
            throw heldBack("no credential gate");
        }
        try {
            char[] password = gate.get(waitNanos(), TimeUnit.NANOSECONDS);
            // pgjdbc wipes what it is given once it has used it; without a password it says the server wants one
            return password == null ? null : password.clone();
        } catch (TimeoutException e) {
            throw heldBack("the test's time ran out");
        } catch (ExecutionException e) {
            throw heldBack(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw heldBack("interrupted");
        }
    }

    /** Connections that live on (heartbeats) have no deadline, and their password is there from the start. */
    private long waitNanos() {
        return deadlineNanos == PinnedSocketFactory.NO_DEADLINE ? Long.MAX_VALUE : Math.max(1, deadlineNanos - System.nanoTime());
    }

    private static PSQLException heldBack(String why) {
        return new PSQLException("The password was held back: " + why + ".", PSQLState.CONNECTION_REJECTED);
    }
}
