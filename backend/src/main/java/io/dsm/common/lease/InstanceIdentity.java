package io.dsm.common.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import jakarta.inject.Singleton;

/**
 * The one name this process signs its leases and claims with (heartbeat, readiness watch, webhook
 * outbox, provisioning): the host name and a random suffix, readable in the store and in
 * pg_stat_activity, unique per process.
 */
@Singleton
public class InstanceIdentity {

    private static final int MAX_LENGTH = 64;

    private final String name = generate();

    public String name() {
        return name;
    }

    private static String generate() {
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
