package io.dsm.connection.service;

import java.util.Optional;

import io.dsm.common.crypto.Secret;
import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckTarget;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.TlsMode;

/**
 * One endpoint to test, with everything the checks need. The password is absent, with the reason,
 * when a stored one cannot be decrypted.
 */
public record ConnectionSpec(
        CheckTarget target,
        DatabaseAttribute attribute,
        String host,
        int port,
        String username,
        Optional<Secret> password,
        Text passwordProblem,
        String databaseName,
        String schemaName,
        TlsMode tlsMode,
        String caCertificate,
        boolean heartbeat,
        String heartbeatSchema) {

    /** A primary target of a PRIMARY or PRIMARY_STANDBY data source: must not be in recovery, takes heartbeats. */
    boolean expectsPrimary() {
        return target == CheckTarget.PRIMARY && attribute.acceptsHeartbeat();
    }

    boolean expectsStandby() {
        return target == CheckTarget.STANDBY || attribute == DatabaseAttribute.STANDBY;
    }

    @Override
    public String toString() {
        return target + " " + host + ":" + port + "/" + databaseName + " as " + username;
    }
}
