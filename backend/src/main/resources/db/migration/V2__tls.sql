-- TLS settings for connections to the data source (libpq's sslmode words).
ALTER TABLE data_source
    ADD COLUMN tls_mode varchar(16) NOT NULL DEFAULT 'prefer'
        CHECK (tls_mode IN ('disable', 'prefer', 'require', 'verify-ca', 'verify-full')),
    ADD COLUMN tls_ca_certificate text;
