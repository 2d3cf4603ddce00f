package io.dsm.connection.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

import javax.net.SocketFactory;

/**
 * pgjdbc's socket factory for connection tests (set by dsm, never by a client). Its argument,
 * {@code <address>|<deadline in System.nanoTime>[|<parked socket>]}, carries all it needs, so it
 * works whichever class loader pgjdbc instantiates it from:
 * <ul>
 * <li>whatever host name pgjdbc resolves, the socket dials the address the address policy
 * approved, so a DNS answer that changes between check and connect cannot redirect the test
 * (pgjdbc keeps the host name for TLS host verification);</li>
 * <li>every connect and every read waits at most until the test's deadline, so a server that
 * accepts and never answers, or trickles bytes, cannot hold the test past its bound;</li>
 * <li>a socket the test's probe already connected ({@link ParkedSockets}) is used instead of a new one.</li>
 * </ul>
 */
public class PinnedSocketFactory extends SocketFactory {

    private static final String NOTHING_PARKED = "";

    private final InetAddress address;
    private final long deadlineNanos;
    private final String parked;

    public PinnedSocketFactory(String argument) throws IOException {
        String[] parts = argument.split("\\|", -1);
        this.address = InetAddress.getByName(parts[0]);
        this.deadlineNanos = Long.parseLong(parts[1]);
        this.parked = parts[2];
    }

    /** For connections that live on (heartbeats): only pgjdbc's own timeouts apply. */
    static final long NO_DEADLINE = Long.MIN_VALUE;

    /** @param parked the token of a connected socket to use first ({@link ParkedSockets}), or null */
    static String argument(InetAddress address, long deadlineNanos, String parked) {
        return address.getHostAddress() + "|" + deadlineNanos + "|" + (parked == null ? NOTHING_PARKED : parked);
    }

    /** A socket that dials {@code address} and waits at most until the deadline, not yet connected. */
    static Socket unconnected(InetAddress address, long deadlineNanos) {
        return new DeadlineSocket(address, deadlineNanos);
    }

    /** pgjdbc connects what this returns only if it is not connected yet. */
    @Override
    public Socket createSocket() {
        if (!parked.isEmpty()) {
            Socket connected = ParkedSockets.claimFromContext(parked);
            if (connected != null) {
                return connected;
            }
        }
        return new DeadlineSocket(address, deadlineNanos);
    }

    // SocketFactory's other ways in: whatever host or local address they name, the socket dials the pinned address.
    @Override public Socket createSocket(String host, int port) throws IOException { return connected(port); }
    @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException { return connected(port); }
    @Override public Socket createSocket(InetAddress host, int port) throws IOException { return connected(port); }
    @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException { return connected(port); }

    private Socket connected(int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static final class DeadlineSocket extends Socket {
        private final InetAddress address;
        private final long deadlineNanos;
        private volatile int requestedTimeout;

        DeadlineSocket(InetAddress address, long deadlineNanos) {
            this.address = address;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(new InetSocketAddress(address, ((InetSocketAddress) endpoint).getPort()), bounded(timeout));
        }

        @Override
        public void setSoTimeout(int timeout) throws java.net.SocketException {
            requestedTimeout = timeout;
            super.setSoTimeout(timeout);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    arm();
                    return super.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    arm();
                    return super.read(buffer, offset, length);
                }
            };
        }

        private void arm() throws IOException {
            super.setSoTimeout(bounded(requestedTimeout));
        }

        /** The timeout to use: the one asked for (0: none), cut to what is left before the deadline. */
        private int bounded(int timeout) throws SocketTimeoutException {
            if (deadlineNanos == NO_DEADLINE) {
                return timeout;
            }
            int remaining = remainingMillis();
            return timeout == 0 ? remaining : Math.min(timeout, remaining);
        }

        private int remainingMillis() throws SocketTimeoutException {
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                throw new SocketTimeoutException("The connection test's time is up");
            }
            // Rounded up, so the socket never gives up before the test's deadline.
            long remaining = (remainingNanos + 999_999) / 1_000_000;
            return (int) Math.min(Integer.MAX_VALUE, remaining);
        }
    }
}
