package io.dsm.datasource.service;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StandbyInput;
import io.dsm.datasource.TlsSettings;
import io.dsm.datasource.StandbyEndpoint;
import io.dsm.datasource.api.DataSourceResponse;
import io.dsm.datasource.HeartbeatStatus;
import io.dsm.datasource.ReadinessSummary;
import io.dsm.datasource.api.StandbyResponse;
import io.dsm.datasource.api.TlsResponse;

/** Shows a stored data source without its secrets. */
final class DataSourceMapper {

    private DataSourceMapper() {
    }

    /**
     * @param heartbeat the stored status, or null when there is none yet
     * @param readiness the watch's summary, or null when there is none yet
     */
    static DataSourceResponse toResponse(DataSourceEntity entity, HeartbeatStatus heartbeat, ReadinessSummary readiness) {
        HeartbeatStatus status = !entity.heartbeatEnabled ? HeartbeatStatus.DISABLED
                : heartbeat == null ? HeartbeatStatus.PENDING : heartbeat;
        return new DataSourceResponse(entity.id, entity.identifier, entity.type, entity.region, entity.attribute,
                entity.heartbeatEnabled, entity.host, entity.port, entity.username,
                entity.passwordSealed != null || entity.passwordRef != null, entity.passwordRef,
                entity.databaseName, entity.schemaName, entity.heartbeatSchema, entity.remarks, toResponse(entity.standby),
                new TlsResponse(entity.tlsMode, entity.tlsCaCertificate), status,
                readiness == null ? ReadinessSummary.UNKNOWN : readiness, entity.provisionedBy, entity.version, entity.createdAt, entity.updatedAt);
    }

    private static StandbyResponse toResponse(StandbyEndpoint standby) {
        if (standby == null || standby.host == null) {
            return null;
        }
        return new StandbyResponse(standby.host, standby.port, standby.username,
                standby.passwordSealed != null || standby.passwordRef != null, standby.passwordRef);
    }

    /**
     * The data source as a provisioning file declares it: the same fields as a request, passwords left out and their
     * references kept (null where the password is stored sealed).
     */
    static DataSourceInput toDeclaration(DataSourceEntity entity) {
        StandbyEndpoint standby = entity.standby;
        StandbyInput pair = standby == null || standby.host == null ? null
                : new StandbyInput(standby.host, standby.port, standby.username, null, standby.passwordRef);
        return new DataSourceInput(entity.identifier, entity.type, entity.region, entity.attribute, entity.heartbeatEnabled,
                entity.host, entity.port, entity.username, null, entity.passwordRef, entity.databaseName, entity.schemaName,
                entity.heartbeatSchema, entity.remarks, pair, new TlsSettings(entity.tlsMode, entity.tlsCaCertificate),
                entity.version);
    }
}
