package io.dsm.datasource;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** TLS as a client sends it: both fields may be left out. A data source shows its settings as {@link io.dsm.datasource.api.TlsResponse}. */
@Schema(name = "TlsSettings", description = TlsSettings.DESCRIPTION)
public record TlsSettings(
        // The values come from the TlsMode schema; repeating them here made generated clients (openapi-generator)
        // build an enum of TlsMode values from the strings, which fails to load.
        @Schema(defaultValue = "prefer", description = TlsSettings.MODE)
        TlsMode mode,
        @Size(max = 16384, message = "{constraint.ca-certificate.max}")
        @Schema(nullable = true, maxLength = 16384, description = TlsSettings.CA_CERTIFICATE, examples = TlsSettings.CA_EXAMPLE)
        String caCertificate) {

    public static final TlsSettings DEFAULT = new TlsSettings(TlsMode.PREFER, null);

    public static final String DESCRIPTION = "How connections to the data source use TLS.";
    public static final String MODE = """
            As libpq's sslmode. disable: never TLS. prefer: TLS when the server offers it. require: TLS, \
            certificate not checked. verify-ca: TLS with a certificate signed by the CA. verify-full: as \
            verify-ca, and the certificate must name the host.""";
    public static final String CA_CERTIFICATE = """
            PEM of the CA that signed the server's certificate, for verify-ca and verify-full. Absent with a verify \
            mode: the JVM's trusted CAs are used.""";
    public static final String CA_EXAMPLE = "-----BEGIN CERTIFICATE-----\\nMIIB...\\n-----END CERTIFICATE-----";

    public TlsMode modeOrDefault() {
        return mode == null ? TlsMode.PREFER : mode;
    }
}
