package io.dsm.connection.service;

/** Host names as the API accepts them: an IPv6 literal may come in brackets. */
public final class Hosts {

    private Hosts() {
    }

    public static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
