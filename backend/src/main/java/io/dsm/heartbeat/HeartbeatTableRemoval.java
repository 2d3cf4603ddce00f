package io.dsm.heartbeat;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.connection.service.JdbcConnector;
import io.dsm.connection.service.StoredConnectionSpecs;
import io.dsm.datasource.StoredSource;
import io.dsm.datasource.service.HeartbeatTableDropper;

/**
 * The heartbeat side of the datasource domain's {@link HeartbeatTableDropper} port: connects to the
 * data source as the heartbeat writer does, and drops its heartbeat table.
 */
@ApplicationScoped
public class HeartbeatTableRemoval implements HeartbeatTableDropper {

    private static final int TIMEOUT_SECONDS = 5;

    private final StoredConnectionSpecs specs;
    private final AddressPolicy policy;

    public HeartbeatTableRemoval(StoredConnectionSpecs specs, AddressPolicy policy) {
        this.specs = specs;
        this.policy = policy;
    }

    @Override
    public void drop(StoredSource dataSource) throws NotDropped {
        ConnectionSpec spec = specs.primary(dataSource);
        HeartbeatTable table = new HeartbeatTable(spec.heartbeatSchema());
        try {
            InetAddress address = TargetAddress.resolve(spec, policy);
            try (Connection connection = JdbcConnector.open(spec, address, TIMEOUT_SECONDS, "dsm heartbeat removal")) {
                table.drop(connection);
            }
        } catch (TargetAddress.Unusable e) {
            throw new NotDropped(table.displayName(), e.getMessage());
        } catch (SQLException e) {
            throw new NotDropped(table.displayName(), HeartbeatFailures.describe(e, table, spec).english());
        }
    }
}
