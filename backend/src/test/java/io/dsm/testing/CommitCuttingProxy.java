package io.dsm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of dsm's store that, once armed, breaks the one connection that sends a
 * given statement exactly at its COMMIT: either before the server sees the COMMIT (the change is rolled
 * back) or after the server committed but before its answer reaches dsm (the change landed). Either
 * way dsm sees its store vanish in the middle of a commit and cannot know which happened.
 */
public final class CommitCuttingProxy implements AutoCloseable {

    public enum Cut {
        /** The COMMIT never reaches the server: nothing is stored. */
        BEFORE_COMMIT,
        /** The server commits; its answer is lost: the change is stored. */
        AFTER_COMMIT
    }

    private record Armed(String statement, Cut cut) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicReference<Armed> armed = new AtomicReference<>();

    public CommitCuttingProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "commit-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * The next transaction that sends a statement starting with {@code statement} (for example
     * {@code insert into data_source}) loses its store at COMMIT, as {@code cut} says.
     */
    public void armOnce(String statement, Cut cut) {
        armed.set(new Armed(statement.toLowerCase(Locale.ROOT), cut));
    }

    public boolean fired() {
        return armed.get() == null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                new Link(client, upstream).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One proxied connection: two pumps, and the cut. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean sentArmedStatement;
        private volatile boolean answersMuted;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            daemon(this::clientToServer, "proxy-c2s");
            daemon(this::serverToClient, "proxy-s2c");
        }

        private void clientToServer() {
            byte[] buffer = new byte[65536];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    Armed current = armed.get();
                    if (current != null && text.contains(current.statement())) {
                        sentArmedStatement = true;
                    }
                    if (current != null && sentArmedStatement && text.contains("commit") && armed.compareAndSet(current, null)) {
                        cut(current.cut(), out, buffer, n);
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side hung up
            } finally {
                closeAll();
            }
        }

        private void cut(Cut cut, OutputStream out, byte[] buffer, int n) throws IOException {
            if (cut == Cut.AFTER_COMMIT) {
                answersMuted = true;
                out.write(buffer, 0, n);
                out.flush();
                sleep(500);
            }
            closeAll();
        }

        private void serverToClient() {
            byte[] buffer = new byte[65536];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (answersMuted) {
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side hung up
            } finally {
                closeAll();
            }
        }

        private void closeAll() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
