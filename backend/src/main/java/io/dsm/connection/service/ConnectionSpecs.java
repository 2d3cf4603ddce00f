package io.dsm.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.crypto.Secret;
import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckTarget;
import io.dsm.datasource.HeartbeatTableName;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StandbyInput;
import io.dsm.datasource.TlsSettings;

/** The endpoints of a data source as typed in a form: the primary, and the standby of a pair. */
final class ConnectionSpecs {

    private ConnectionSpecs() {
    }

    /** A password, or why there is none. */
    record Password(Optional<Secret> secret, Text problem) {
        static Password of(Secret secret) {
            return new Password(Optional.of(secret), null);
        }

        static Password unusable(Text problem) {
            return new Password(Optional.empty(), problem);
        }
    }

    static List<ConnectionSpec> of(DataSourceInput input, Password primaryPassword, Password standbyPassword) {
        TlsSettings tls = input.tls() == null ? TlsSettings.DEFAULT : input.tls();
        String schema = input.schemaName() == null || input.schemaName().isBlank() ? null : input.schemaName();
        String heartbeatSchema = HeartbeatTableName.schemaOf(input.heartbeatSchema());
        List<ConnectionSpec> specs = new ArrayList<>();
        specs.add(new ConnectionSpec(CheckTarget.PRIMARY, input.attribute(), input.host(), input.port(), input.username(),
                primaryPassword.secret(), primaryPassword.problem(), input.databaseName(), schema, tls.modeOrDefault(),
                tls.caCertificate(), input.heartbeat(), heartbeatSchema));
        StandbyInput standby = input.standby();
        if (input.attribute().hasStandby() && standby != null) {
            String user = standby.username() == null || standby.username().isBlank() ? input.username() : standby.username();
            specs.add(new ConnectionSpec(CheckTarget.STANDBY, input.attribute(), standby.host(), standby.port(), user,
                    standbyPassword.secret(), standbyPassword.problem(), input.databaseName(), schema, tls.modeOrDefault(),
                    tls.caCertificate(), false, heartbeatSchema));
        }
        return specs;
    }
}
