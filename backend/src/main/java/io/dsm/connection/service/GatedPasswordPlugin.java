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
 * pgjdbc's password source for a test's replication connection (set by dsm, never by a client): it
 * waits, at most until the test's deadline, for the gate of {@link CredentialGates} to open. A gate
 * closed without a password ends the attempt before any credential is sent; the server sees a
 * client that hung up at the password prompt, which it does not log as a failed sign-in.
 */
public class GatedPasswordPlugin implements AuthenticationPlugin {

    static final String TOKEN = "dsmCredentialGate";
    static final String DEADLINE = "dsmCredentialDeadline";

    private final String token;
    private final long deadlineNanos;

    public GatedPasswordPlugin(Properties info) {
        this.token = info.getProperty(TOKEN, "");
        this.deadlineNanos = Long.parseLong(info.getProperty(DEADLINE, "0"));
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        CompletableFuture<char[]> gate = CredentialGates.lookupFromContext(token);
        if (gate == null) {
            throw heldBack("no credential gate");
        }
        try {
            char[] password = gate.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (password == null) {
                throw heldBack("the test's own connection did not sign in");
            }
            // pgjdbc wipes what it is given once it has used it
            return password.clone();
        } catch (TimeoutException e) {
            throw heldBack("the test's time ran out");
        } catch (ExecutionException e) {
            throw heldBack("the gate failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw heldBack("interrupted");
        }
    }

    private static PSQLException heldBack(String why) {
        return new PSQLException("The password was held back: " + why + ".", PSQLState.CONNECTION_REJECTED);
    }
}
