package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Network peers that misbehave on purpose. */
public final class Sockets {

    private Sockets() {
    }

    /** A port that accepts connections and then never says a word: the worst kind of firewall or proxy. */
    public static final class Tarpit implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();

        public Tarpit(InetAddress address) {
            try {
                server = new ServerSocket(0, 50, address);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "tarpit");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public int port() {
            return server.getLocalPort();
        }

        public int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Passes connections through to a local port and counts them: how many connections a client really opens. */
    public static final class CountingRelay implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();

        public CountingRelay(int targetPort) {
            server = listenOnLoopback();
            acceptEach(server, "relay", client -> {
                accepted.incrementAndGet();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                daemon("relay-out", () -> pump(client, target));
                daemon("relay-back", () -> pump(target, client));
            });
        }

        public int port() {
            return server.getLocalPort();
        }

        public int accepted() {
            return accepted.get();
        }

        static void pump(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            open.forEach(Sockets::closeQuietly);
        }
    }

    /**
     * A {@link CountingRelay} that reads the frontend protocol on its way to the server and counts, per
     * connection, the messages that each cost a round trip: Sync (extended protocol) and Query (simple
     * protocol). Sign-in (startup, password) sends neither. Connections must not use TLS.
     */
    public static final class ProtocolCountingRelay implements AutoCloseable {
        private static final int SSL_REQUEST = 80877103;
        private static final int GSS_REQUEST = 80877104;
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final List<Counted> connections = new CopyOnWriteArrayList<>();

        /** One connection: whether it asked for replication, and its round trips so far. */
        public static final class Counted {
            private volatile boolean replication;
            private final AtomicInteger roundTrips = new AtomicInteger();

            public boolean replication() {
                return replication;
            }

            public int roundTrips() {
                return roundTrips.get();
            }
        }

        public ProtocolCountingRelay(int targetPort) {
            server = listenOnLoopback();
            acceptEach(server, "protocol-relay", client -> {
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                Counted counted = new Counted();
                connections.add(counted);
                daemon("protocol-relay-out", () -> count(client, target, counted));
                daemon("protocol-relay-back", () -> CountingRelay.pump(target, client));
            });
        }

        public int port() {
            return server.getLocalPort();
        }

        public List<Counted> connections() {
            return List.copyOf(connections);
        }

        private static void count(Socket from, Socket to, Counted counted) {
            try {
                java.io.DataInputStream in = new java.io.DataInputStream(from.getInputStream());
                java.io.OutputStream out = to.getOutputStream();
                int code;
                byte[] startup;
                do {
                    int length = in.readInt();
                    code = in.readInt();
                    startup = in.readNBytes(length - 8);
                    out.write(java.nio.ByteBuffer.allocate(8).putInt(length).putInt(code).array());
                    out.write(startup);
                    out.flush();
                } while (code == SSL_REQUEST || code == GSS_REQUEST);
                counted.replication = new String(startup, java.nio.charset.StandardCharsets.UTF_8).contains("replication\0");
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        return;
                    }
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    if (type == 'S' || type == 'Q') {
                        counted.roundTrips.incrementAndGet();
                    }
                    out.write(java.nio.ByteBuffer.allocate(5).put((byte) type).putInt(length).array());
                    out.write(body);
                    out.flush();
                }
            } catch (IOException ended) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            open.forEach(Sockets::closeQuietly);
        }
    }

    /**
     * A stand-in for a connection pooler such as PgBouncer in front of PostgreSQL: it passes
     * ordinary connections through (declining TLS itself) and refuses replication connections the
     * way PgBouncer does, with "unsupported startup parameter: replication".
     */
    public static final class PoolerLikeProxy implements AutoCloseable {
        private static final int SSL_REQUEST = 80877103;
        private final ServerSocket server;
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        public PoolerLikeProxy(int targetPort) {
            server = listenOnLoopback();
            acceptEach(server, "pooler", client -> {
                open.add(client);
                daemon("pooler-session", () -> serve(client, targetPort));
            });
        }

        public int port() {
            return server.getLocalPort();
        }

        private void serve(Socket client, int targetPort) {
            try {
                java.io.DataInputStream in = new java.io.DataInputStream(client.getInputStream());
                byte[] startup = readMessage(in);
                if (startup.length == 8 && java.nio.ByteBuffer.wrap(startup, 4, 4).getInt() == SSL_REQUEST) {
                    client.getOutputStream().write('N');
                    startup = readMessage(in);
                }
                if (new String(startup, java.nio.charset.StandardCharsets.ISO_8859_1).contains("replication\0")) {
                    client.getOutputStream().write(error("08P01", "unsupported startup parameter: replication"));
                    client.close();
                    return;
                }
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(target);
                target.getOutputStream().write(startup);
                daemon("pooler-back", () -> CountingRelay.pump(target, client));
                CountingRelay.pump(client, target);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            open.forEach(Sockets::closeQuietly);
        }
    }

    /** One message of the PostgreSQL protocol without a type byte (the startup or SSL request), length included. */
    static byte[] readMessage(java.io.DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] message = new byte[length];
        java.nio.ByteBuffer.wrap(message).putInt(length);
        in.readFully(message, 4, length - 4);
        return message;
    }

    /** A FATAL ErrorResponse with this SQLSTATE and text. */
    static byte[] error(String sqlState, String text) {
        java.io.ByteArrayOutputStream fields = new java.io.ByteArrayOutputStream();
        for (String field : List.of("SFATAL", "VFATAL", "C" + sqlState, "M" + text)) {
            fields.writeBytes(field.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        byte[] body = fields.toByteArray();
        return java.nio.ByteBuffer.allocate(5 + body.length).put((byte) 'E').putInt(4 + body.length).put(body).array();
    }

    interface Accepted {
        void take(Socket client) throws IOException;
    }

    static ServerSocket listenOnLoopback() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections on a daemon thread until the server socket closes. */
    static void acceptEach(ServerSocket server, String name, Accepted accepted) {
        daemon(name, () -> {
            while (!server.isClosed()) {
                try {
                    accepted.take(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** A local port nothing listens on. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
