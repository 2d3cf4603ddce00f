package io.dsm.connection.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 169.254.0.0/16} or {@code fe80::/10}. */
record Cidr(byte[] network, int prefixLength, String text) {

    /** @throws IllegalArgumentException with a message naming the value when it is not a CIDR */
    static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an address range (CIDR)");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an address range (CIDR)");
        }
        int length;
        try {
            length = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed + "' has an invalid prefix length");
        }
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("'" + trimmed + "' has a prefix length outside 0-" + bytes.length * 8);
        }
        return new Cidr(bytes, length, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
