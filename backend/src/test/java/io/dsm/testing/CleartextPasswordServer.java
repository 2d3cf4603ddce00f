package io.dsm.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

/**
 * A fake PostgreSQL server, as someone after a password would run one on a host they chose: it
 * declines TLS, answers every startup message by asking for the password in cleartext
 * (AuthenticationCleartextPassword, code 3), and records whatever password message arrives. A client
 * that hands a password to a server it has not verified is caught here.
 */
public final class CleartextPasswordServer implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;
    private static final int CLEARTEXT_PASSWORD = 3;
    private static final int READ_TIMEOUT_MS = 10_000;

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> startups = new CopyOnWriteArrayList<>();
    private final List<String> passwords = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    public CleartextPasswordServer() {
        server = Sockets.listenOnLoopback();
        Sockets.acceptEach(server, "fake-postgres", client -> {
            accepted.incrementAndGet();
            open.add(client);
            Sockets.daemon("fake-postgres-session", () -> serve(client));
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The parameters of each startup message received (user, database, replication...). */
    public List<Map<String, String>> startups() {
        return List.copyOf(startups);
    }

    /** Every password that arrived, in the order it came. */
    public List<String> passwords() {
        return List.copyOf(passwords);
    }

    /**
     * Waits until at least {@code sessions} connections came and every connection so far has ended, so
     * that a password sent on any of them would be recorded by now.
     */
    public CleartextPasswordServer awaitEnded(int sessions) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> accepted.get() >= sessions && ended.get() == accepted.get());
        return this;
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_MS);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            byte[] startup = Sockets.readMessage(in);
            while (isEncryptionRequest(startup)) {
                out.write('N');
                out.flush();
                startup = Sockets.readMessage(in);
            }
            Map<String, String> parameters = parameters(startup);
            startups.add(parameters);
            out.write(ByteBuffer.allocate(9).put((byte) 'R').putInt(8).putInt(CLEARTEXT_PASSWORD).array());
            out.flush();
            if (in.read() == 'p') {
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                // the password message is the password and a terminating zero byte
                passwords.add(new String(body, 0, Math.max(0, body.length - 1), StandardCharsets.UTF_8));
                out.write(Sockets.error("28P01", "password authentication failed for user \"" + parameters.get("user") + "\""));
                out.flush();
            }
        } catch (IOException hungUp) {
            // the client closed the connection, which is what a client that withholds the password does
        } finally {
            ended.incrementAndGet();
        }
    }

    private static boolean isEncryptionRequest(byte[] message) {
        if (message.length != 8) {
            return false;
        }
        int code = ByteBuffer.wrap(message, 4, 4).getInt();
        return code == SSL_REQUEST || code == GSS_ENCRYPTION_REQUEST;
    }

    /** The name-value pairs after the length and the protocol version, each ending with a zero byte. */
    private static Map<String, String> parameters(byte[] startup) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] parts = new String(startup, 8, startup.length - 8, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            parameters.put(parts[i], parts[i + 1]);
        }
        return parameters;
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(Sockets::closeQuietly);
    }
}
