package io.dsm.connection.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a connection attempt hands to pgjdbc's plugins, under a random token that the attempt's driver properties carry
 * instead of the thing itself (a password's gate, a connected socket).
 */
final class TokenRegistry<T> {

    private final Map<String, T> entries = new ConcurrentHashMap<>();

    /** @return the token under which {@link #get} and {@link #remove} find {@code entry} */
    String put(T entry) {
        String token = UUID.randomUUID().toString();
        entries.put(token, entry);
        return token;
    }

    T get(String token) {
        return entries.get(token);
    }

    /** @return the entry, taken out; null when there is none */
    T remove(String token) {
        return entries.remove(token);
    }
}
