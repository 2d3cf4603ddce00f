package io.dsm.datasource;

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

@JsonIgnoreProperties(value = { "passwordSet" })
@Schema(name = "StandbyInput", description = "The standby of a PRIMARY_STANDBY data source.")
public record StandbyInput(
        @NotBlank(message = Rules.REQUIRED_MESSAGE)
        @Size(max = Rules.HOST_MAX, message = Rules.HOST_MAX_MESSAGE)
        @Pattern(regexp = Rules.HOST_CHARACTERS, message = Rules.HOST_CHARACTERS_MESSAGE)
        @HostName
        @Schema(description = "IPv4 address, IPv6 literal or DNS name of the standby server.", minLength = 1, examples = "10.0.12.8")
        String host,

        @NotNull(message = Rules.REQUIRED_MESSAGE)
        @Min(value = Rules.PORT_MIN, message = Rules.PORT_MESSAGE)
        @Max(value = Rules.PORT_MAX, message = Rules.PORT_MESSAGE)
        @Schema(description = "TCP port of the standby server.", examples = "5432")
        Integer port,

        @Size(max = Rules.NAME_MAX, message = Rules.NAME_MAX_MESSAGE)
        @Utf8Size(max = Rules.NAME_MAX, message = Rules.NAME_BYTES_MESSAGE)
        @Schema(description = "Database user on the standby. Absent: the primary's username.", examples = "migrator")
        String username,

        @Schema(type = SchemaType.STRING, format = "password", writeOnly = true, minLength = 1, maxLength = Rules.PASSWORD_MAX,
                description = "Password on the standby. Absent on create: the primary's password; absent on update: the stored one if the "
                        + "standby's host, port, username and TLS settings are unchanged, else the primary's given with the update. "
                        + "Never returned.",
                extensions = @Extension(name = Rules.PASSWORD_SCOPE_EXTENSION, value = Rules.STANDBY_PASSWORD_SCOPE, parseValue = true))
        Secret password,

        @Schema(nullable = true, maxLength = Rules.PASSWORD_REF_MAX, pattern = Rules.PASSWORD_REF,
                description = "Instead of password: a reference to the standby's password (file:NAME or env:DSM_SOURCE_...). Needs "
                        + "the ADMIN role, as passwordRef does.",
                examples = "env:DSM_SOURCE_ORDERS01_STANDBY_PASSWORD")
        String passwordRef) {
}
