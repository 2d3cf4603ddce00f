package io.dsm.common.concurrent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** How this instance signs its leases (heartbeat, readiness watch): readable in the store and in pg_stat_activity, unique per process. */
public final class InstanceName {

    private static final int MAX_LENGTH = 64;

    private InstanceName() {
    }

    /** Host name and a random suffix. */
    public static String generate() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "dsm";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > MAX_LENGTH ? name.substring(name.length() - MAX_LENGTH) : name;
    }
}
