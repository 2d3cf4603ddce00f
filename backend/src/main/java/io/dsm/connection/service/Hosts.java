package io.dsm.connection.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host names as the API accepts them: an IPv6 literal may come in brackets. */
public final class Hosts {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** Dotted quads only, without leading zeros: anything else would send getByName to a name server. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private Hosts() {
    }

    /**
     * The address of an IPv4 or IPv6 literal, which needs no name server, so a test need not hand
     * its lookup to the resolver thread that bounds slow DNS answers.
     */
    public static Optional<InetAddress> ipLiteral(String host) {
        String bare = unbracketed(host);
        if (!IPV4.matcher(bare).matches() && bare.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    public static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
