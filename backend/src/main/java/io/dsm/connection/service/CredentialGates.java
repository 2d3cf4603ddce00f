package io.dsm.connection.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Passwords held back until they are known to be right. A test's replication connection starts
 * beside its ordinary one, to save a connection's time, but sends the password only once the
 * ordinary connection has signed in with it: a wrong password then costs the server one failed
 * sign-in per test, not two (which would also lock accounts twice as fast where failures are counted).
 * <p>
 * pgjdbc instantiates {@link GatedPasswordPlugin} through its own class loader, so the plugin looks
 * the gate up as {@link ParkedSockets} does: its own copy of this registry first, then the
 * application's through the thread's context class loader, called through {@link #LOOKUP}.
 */
public final class CredentialGates {

    /** The gate under a token; null when there is none. */
    public static final Function<String, CompletableFuture<char[]>> LOOKUP = CredentialGates::lookup;

    private static final Map<String, CompletableFuture<char[]>> GATES = new ConcurrentHashMap<>();

    private CredentialGates() {
    }

    /** @return the token under which the plugin finds the gate */
    static String open(CompletableFuture<char[]> gate) {
        String token = UUID.randomUUID().toString();
        GATES.put(token, gate);
        return token;
    }

    static void remove(String token) {
        GATES.remove(token);
    }

    private static CompletableFuture<char[]> lookup(String token) {
        return GATES.get(token);
    }

    @SuppressWarnings("unchecked")
    static CompletableFuture<char[]> lookupFromContext(String token) {
        CompletableFuture<char[]> local = lookup(token);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (local != null || context == null || context == CredentialGates.class.getClassLoader()) {
            return local;
        }
        try {
            Object lookup = Class.forName(CredentialGates.class.getName(), true, context).getField("LOOKUP").get(null);
            return ((Function<String, CompletableFuture<char[]>>) lookup).apply(token);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }
}
