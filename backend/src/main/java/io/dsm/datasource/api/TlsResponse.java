package io.dsm.datasource.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.datasource.TlsMode;
import io.dsm.datasource.TlsSettings;

/**
 * TLS as a data source shows it: the stored mode is always set, where {@link TlsSettings} (the input) lets a
 * client leave it out. One schema for both would make every client send both fields, or see both as optional.
 */
@Schema(name = "Tls", description = TlsSettings.DESCRIPTION)
public record TlsResponse(
        @Schema(description = TlsSettings.MODE)
        TlsMode mode,
        @Schema(nullable = true, description = TlsSettings.CA_CERTIFICATE, examples = TlsSettings.CA_EXAMPLE)
        String caCertificate) {
}
