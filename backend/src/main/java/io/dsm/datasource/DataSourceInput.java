package io.dsm.datasource;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.crypto.Secret;
import io.dsm.common.validation.HostName;
import io.dsm.common.validation.Utf8Size;

/**
 * What a client sends to create or replace a data source. The read-only fields of
 * {@link io.dsm.datasource.api.DataSourceResponse} are accepted and ignored, so a client can send back what it read.
 */
@JsonIgnoreProperties(value = { "id", "passwordSet", "heartbeat", "readiness", "provisionedBy", "createdAt", "updatedAt" })
@Schema(name = "DataSourceInput", description = "A data source as sent to create or replace it. The read-only fields of DataSource may be sent back and are ignored.")
public record DataSourceInput(
        @NotNull(message = Rules.REQUIRED_MESSAGE)
        @Pattern(regexp = Rules.IDENTIFIER, message = Rules.IDENTIFIER_MESSAGE)
        @Schema(description = "Unique name of the data source, compared ignoring case: " + Rules.IDENTIFIER_RULE + ".",
                examples = "pg-hz-01", maxLength = Rules.IDENTIFIER_MAX)
        String identifier,

        @NotNull(message = Rules.REQUIRED_MESSAGE)
        @Schema(description = "The database product.", examples = "POSTGRESQL")
        DataSourceType type,

        @Schema(description = "One of the configured regions (GET /api/regions). Optional when only one region is configured.",
                examples = "default", maxLength = 64)
        String region,

        @NotNull(message = Rules.REQUIRED_MESSAGE)
        @Schema(description = "The role of the database.", examples = "PRIMARY")
        DatabaseAttribute attribute,

        @Schema(description = "Keep a heartbeat table updated in this database. Allowed only for PRIMARY and PRIMARY_STANDBY.",
                defaultValue = "false")
        Boolean heartbeatEnabled,

        @NotBlank(message = Rules.REQUIRED_MESSAGE)
        @Size(max = Rules.HOST_MAX, message = Rules.HOST_MAX_MESSAGE)
        @Pattern(regexp = Rules.HOST_CHARACTERS, message = Rules.HOST_CHARACTERS_MESSAGE)
        @HostName
        @Schema(description = "IPv4 address, IPv6 literal or DNS name of the database server.", minLength = 1, examples = "10.0.12.7")
        String host,

        @NotNull(message = Rules.REQUIRED_MESSAGE)
        @Min(value = Rules.PORT_MIN, message = Rules.PORT_MESSAGE)
        @Max(value = Rules.PORT_MAX, message = Rules.PORT_MESSAGE)
        @Schema(description = "TCP port of the database server.", examples = "5432")
        Integer port,

        @NotBlank(message = Rules.REQUIRED_MESSAGE)
        @Size(max = Rules.NAME_MAX, message = Rules.NAME_MAX_MESSAGE)
        @Utf8Size(max = Rules.NAME_MAX, message = Rules.NAME_BYTES_MESSAGE)
        @Schema(description = "Database user for migration. At most 63 bytes in UTF-8.", examples = "migrator")
        String username,

        @Schema(type = SchemaType.STRING, format = "password", writeOnly = true, minLength = 1, maxLength = Rules.PASSWORD_MAX,
                description = "Password of the user. Required on create unless passwordRef is given; on update, absent or null keeps the "
                        + "stored password (or reference), which is used only with the host, port, username and TLS settings it was "
                        + "saved with: changing any of them needs the password again. Never returned.",
                extensions = @Extension(name = Rules.PASSWORD_SCOPE_EXTENSION, value = Rules.PASSWORD_SCOPE, parseValue = true))
        Secret password,

        @Schema(nullable = true, maxLength = Rules.PASSWORD_REF_MAX, pattern = Rules.PASSWORD_REF,
                description = "Instead of password: where dsm reads it at each use, never storing it. file:NAME is a file under "
                        + "DSM_SECRETS_DIR (raw bytes, one trailing newline trimmed); env:NAME an environment variable whose name "
                        + "starts with DSM_SOURCE_. Needs the ADMIN role, but for the stored reference sent back unchanged with an "
                        + "unchanged host, port, username and TLS settings.", examples = "file:pg-hz-01.pw")
        String passwordRef,

        @NotBlank(message = Rules.REQUIRED_MESSAGE)
        @Size(max = Rules.NAME_MAX, message = Rules.NAME_MAX_MESSAGE)
        @Utf8Size(max = Rules.NAME_MAX, message = Rules.NAME_BYTES_MESSAGE)
        @Schema(description = "Database to connect to. At most 63 bytes in UTF-8.", examples = "orders")
        String databaseName,

        @Size(max = Rules.NAME_MAX, message = Rules.NAME_MAX_MESSAGE)
        @Utf8Size(max = Rules.NAME_MAX, message = Rules.NAME_BYTES_MESSAGE)
        @Schema(description = "Schema to migrate. Absent or empty: every schema the user can read.", examples = "public")
        String schemaName,

        @Size(max = Rules.NAME_MAX, message = Rules.NAME_MAX_MESSAGE)
        @Utf8Size(max = Rules.NAME_MAX, message = Rules.NAME_BYTES_MESSAGE)
        @Schema(description = "Schema of the heartbeat table oms_postgres_heartbeat. Absent or empty: public.", examples = "public")
        String heartbeatSchema,

        @Size(max = Rules.REMARKS_MAX, message = Rules.REMARKS_MAX_MESSAGE)
        @Schema(description = "Free text about the data source.", examples = "Order service, production")
        String remarks,

        @Valid
        @Schema(description = "The standby database. Required with PRIMARY_STANDBY, rejected with every other attribute.")
        StandbyInput standby,

        @Valid
        @Schema(description = "TLS for connections to the database. Absent: mode prefer.")
        TlsSettings tls,

        @Schema(description = "Required on update: the version the data source was read at. Ignored on create.", examples = "3")
        Long version) {

    public boolean heartbeat() {
        return Boolean.TRUE.equals(heartbeatEnabled);
    }
}
