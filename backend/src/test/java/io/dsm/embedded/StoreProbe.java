package io.dsm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a client sees of a PostgreSQL server, down to the protocol's first answer. */
final class StoreProbe {

    /** The first authentication request of PostgreSQL's protocol: 0 signs the client in, 10 asks for SASL (SCRAM). */
    static final int AUTHENTICATION_OK = 0;
    static final int AUTHENTICATION_SASL = 10;

    private StoreProbe() {
    }

    /** Sends PostgreSQL's startup message as user postgres, with no password, and reads what the server asks first. */
    static int firstAuthenticationRequest(int port) throws Exception {
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
            assertThat((char) type).as("an authentication request").isEqualTo('R');
            return in.readInt();
        }
    }

    static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
