package io.dsm.connection.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.postgresql.plugin.AuthenticationRequestType;

/**
 * The {@link CredentialGate} of each connection attempt in flight, under a token that the attempt's
 * driver properties carry to {@link PasswordPlugin}: the password itself never sits in the properties.
 * <p>
 * pgjdbc instantiates the plugin through its own class loader, so the plugin asks as
 * {@link ParkedSockets} claims: its own copy of this registry first, then the application's through
 * the thread's context class loader, called through {@link #ASK}, which takes and gives JDK types only.
 */
public final class CredentialGates {

    /** (token, name of the {@link AuthenticationRequestType}) to the password's future; null when there is no gate. */
    public static final BiFunction<String, String, CompletableFuture<char[]>> ASK = CredentialGates::ask;

    private static final Map<String, CredentialGate> GATES = new ConcurrentHashMap<>();

    private CredentialGates() {
    }

    /** @return the token under which the plugin finds the gate */
    static String open(CredentialGate gate) {
        String token = UUID.randomUUID().toString();
        GATES.put(token, gate);
        return token;
    }

    static void remove(String token) {
        GATES.remove(token);
    }

    private static CompletableFuture<char[]> ask(String token, String method) {
        CredentialGate gate = GATES.get(token);
        return gate == null ? null : gate.ask(AuthenticationRequestType.valueOf(method));
    }

    @SuppressWarnings("unchecked")
    static CompletableFuture<char[]> askFromContext(String token, AuthenticationRequestType method) {
        CompletableFuture<char[]> local = ask(token, method.name());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (local != null || context == null || context == CredentialGates.class.getClassLoader()) {
            return local;
        }
        try {
            Object ask = Class.forName(CredentialGates.class.getName(), true, context).getField("ASK").get(null);
            return ((BiFunction<String, String, CompletableFuture<char[]>>) ask).apply(token, method.name());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }
}
