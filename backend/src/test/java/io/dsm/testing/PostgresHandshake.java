package io.dsm.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The first step of PostgreSQL's protocol, as a client without a password takes it. */
public final class PostgresHandshake {

    /** The server signed the client in without asking anything (trust). */
    public static final int AUTHENTICATION_OK = 0;
    /** The server asks for SASL, that is SCRAM: the client must prove it knows the password. */
    public static final int AUTHENTICATION_SASL = 10;

    private PostgresHandshake() {
    }

    /**
     * Sends the startup message as user postgres to 127.0.0.1 and returns the server's first
     * authentication request; a driver would hide it behind its own errors.
     */
    public static int firstAuthenticationRequest(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(5000);
            byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8 + parameters.length);
            out.writeInt(3 << 16); // protocol 3.0
            out.write(parameters);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte type = in.readByte();
            in.readInt();
            if (type != 'R') {
                throw new IOException("The server answered the startup message with '" + (char) type + "', not an authentication request");
            }
            return in.readInt();
        }
    }
}
