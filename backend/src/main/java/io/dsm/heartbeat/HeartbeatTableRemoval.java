package io.dsm.heartbeat;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dsm.common.crypto.SecretCipher;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.JdbcConnector;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.service.DataSourceRepository;
import io.dsm.datasource.service.DataSourceService;

/**
 * Drops a data source's heartbeat table before the data source is deleted. The lease goes first,
 * so that no instance recreates the table after the drop; if the drop fails, the lease comes back
 * and nothing is lost.
 */
@ApplicationScoped
public class HeartbeatTableRemoval {

    private static final int TIMEOUT_SECONDS = 5;

    private final DataSourceRepository repository;
    private final HeartbeatRegistry registry;
    private final SecretCipher cipher;
    private final AddressPolicy policy;

    public HeartbeatTableRemoval(DataSourceRepository repository, HeartbeatRegistry registry, SecretCipher cipher,
            AddressPolicy policy) {
        this.repository = repository;
        this.registry = registry;
        this.cipher = cipher;
        this.policy = policy;
    }

    /** Called outside any transaction: the drop waits on the network. */
    public void dropTable(UUID dataSourceId) {
        HeartbeatTarget target = stopBeating(dataSourceId);
        HeartbeatTable table = new HeartbeatTable(target.schema());
        try {
            InetAddress address = TargetAddress.resolve(target.spec(), policy);
            try (Connection connection = JdbcConnector.open(target.spec(), address, TIMEOUT_SECONDS, "dsm heartbeat removal")) {
                table.drop(connection);
            }
        } catch (TargetAddress.Unusable e) {
            throw restored(target, e.getMessage());
        } catch (SQLException e) {
            throw restored(target, HeartbeatFailures.describe(e, table, target.spec()));
        }
    }

    @Transactional
    HeartbeatTarget stopBeating(UUID dataSourceId) {
        DataSourceEntity entity = Optional.ofNullable(repository.findById(dataSourceId))
                .orElseThrow(() -> DataSourceService.notFound(dataSourceId));
        registry.disable(dataSourceId);
        return HeartbeatTargets.of(entity, cipher);
    }

    @Transactional
    void resumeBeating(UUID dataSourceId) {
        DataSourceEntity entity = repository.findById(dataSourceId);
        if (entity != null && entity.heartbeatEnabled) {
            registry.enable(dataSourceId);
        }
    }

    private ProblemException restored(HeartbeatTarget target, String reason) {
        resumeBeating(target.dataSourceId());
        return ProblemException.conflict("The heartbeat table " + target.schema() + "." + HeartbeatTable.NAME
                + " could not be dropped: " + reason + ". The data source was not deleted; delete it without "
                + "dropHeartbeatTable to keep the table.", List.of(new Violation("dropHeartbeatTable", "could not be done: " + reason)));
    }
}
