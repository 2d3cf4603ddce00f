package io.dsm.heartbeat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import io.dsm.connection.service.AddressPolicy;

/** What every beater of this instance shares: its leases, the address policy, the connections, the meters, and where statuses go. */
record BeatContext(Leases leases, AddressPolicy policy, TargetConnections connections, HeartbeatMeters meters, Duration interval,
        Consumer<BeatStatus> statuses) implements Beater.Context {

    @Override
    public boolean leaseValid() {
        return leases.reliable();
    }

    @Override
    public boolean stillOwned(UUID dataSourceId) {
        try {
            return leases.holds(dataSourceId);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String applicationName() {
        return "dsm heartbeat " + leases.owner();
    }

    @Override
    public void beatWritten(long latenessMillis) {
        meters.beatWritten(latenessMillis);
    }

    @Override
    public void beatFailed() {
        meters.beatFailed();
    }

    @Override
    public void statusChanged(BeatStatus status) {
        statuses.accept(status);
    }
}
