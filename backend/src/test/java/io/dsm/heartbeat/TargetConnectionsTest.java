package io.dsm.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dsm.common.crypto.Secret;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.TlsMode;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;

class TargetConnectionsTest {

    @StartedTarget
    static TargetServer target;

    @Test
    void beatsCommitWithoutWaitingForTheirWalFlush() throws Exception {
        try (TargetConnections connections = new TargetConnections(1, 5)) {
            TargetConnections.Lease lease = connections.acquire(spec(), InetAddress.getLoopbackAddress(), "dsm test");
            assertThat(setting(lease, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void sharesOneConnectionBetweenSourcesOfOneDatabaseAndUser() throws Exception {
        try (TargetConnections connections = new TargetConnections(4, 5)) {
            TargetConnections.Lease first = connections.acquire(spec(), InetAddress.getLoopbackAddress(), "dsm test");
            TargetConnections.Lease second = connections.acquire(spec(), InetAddress.getLoopbackAddress(), "dsm test");
            assertThat(second).isSameAs(first);
            assertThat(connections.size()).isEqualTo(1);
        }
    }

    private static String setting(TargetConnections.Lease lease, String name) throws SQLException {
        try (Statement statement = lease.connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static ConnectionSpec spec() {
        return new ConnectionSpec(CheckTarget.PRIMARY, DatabaseAttribute.PRIMARY, "127.0.0.1", target.port(), TargetServer.MIGRATOR,
                Optional.of(Secret.of(TargetServer.MIGRATOR_PASSWORD)), null, TargetServer.DATABASE, null, TlsMode.DISABLE, null,
                true, "public");
    }
}
