package io.dsm.connection.service;

import java.util.concurrent.CompletableFuture;
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

    private static final TokenRegistry<CredentialGate> GATES = new TokenRegistry<>();

    private CredentialGates() {
    }

    /** @return the token under which the plugin finds the gate */
    static String open(CredentialGate gate) {
        return GATES.put(gate);
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
        BiFunction<String, String, CompletableFuture<char[]>> application = local == null
                ? ContextCopies.field(CredentialGates.class, "ASK", BiFunction.class)
                : null;
        return application == null ? local : application.apply(token, method.name());
    }
}
