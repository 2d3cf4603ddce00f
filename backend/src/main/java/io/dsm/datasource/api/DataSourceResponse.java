package io.dsm.datasource.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.HeartbeatStatus;
import io.dsm.datasource.ReadinessSummary;
import io.dsm.datasource.Rules;

/** A data source as the API shows it: never a password, only whether one is set. */
@Schema(name = "DataSource", description = "A registered data source.")
public record DataSourceResponse(
        @Schema(readOnly = true, description = "Server-generated id.", examples = "0b6c2f7e-5d0e-4c1a-9d3e-7f1f5a2b9c10")
        UUID id,
        @Schema(description = "Unique name, compared ignoring case: " + Rules.IDENTIFIER_RULE + ".", examples = "pg-hz-01",
                pattern = Rules.IDENTIFIER)
        String identifier,
        DataSourceType type,
        @Schema(examples = "default")
        String region,
        DatabaseAttribute attribute,
        boolean heartbeatEnabled,
        @Schema(examples = "10.0.12.7")
        String host,
        @Schema(examples = "5432", minimum = "1", maximum = "65535")
        int port,
        @Schema(examples = "migrator")
        String username,
        @Schema(readOnly = true, description = "Whether a password is stored or referenced. The password itself is never returned.")
        boolean passwordSet,
        @Schema(nullable = true, description = "Where the password is read at each use, when it is not stored: file:NAME or "
                + "env:DSM_SOURCE_... (a reference is not a secret).", examples = "file:pg-hz-01.pw")
        String passwordRef,
        @Schema(examples = "orders")
        String databaseName,
        @Schema(nullable = true, examples = "public")
        String schemaName,
        @Schema(nullable = true, description = "Schema of the heartbeat table; null: public.", examples = "public")
        String heartbeatSchema,
        @Schema(nullable = true, examples = "Order service, production")
        String remarks,
        @Schema(nullable = true, description = "The standby of a PRIMARY_STANDBY data source; null otherwise.")
        StandbyResponse standby,
        TlsResponse tls,
        @Schema(readOnly = true)
        HeartbeatStatus heartbeat,
        @Schema(readOnly = true, description = "What the readiness watch last found; GET /api/datasources/{id}/readiness has the report.")
        ReadinessSummary readiness,
        @Schema(readOnly = true, nullable = true, description = "The provisioning file that declares this data source; the API then "
                + "refuses to change or delete it (409). Null when it is managed through the API.", examples = "orders.yaml")
        String provisionedBy,
        @Schema(readOnly = true, description = "Raised by every update; send it back with PUT.", examples = "0")
        long version,
        @Schema(readOnly = true, examples = "2026-11-24T08:15:30.123456Z")
        Instant createdAt,
        @Schema(readOnly = true, examples = "2026-11-24T08:15:30.123456Z")
        Instant updatedAt) {
}
