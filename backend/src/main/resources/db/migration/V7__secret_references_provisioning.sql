-- A password may be read at each use from a reference (file:NAME under DSM_SECRETS_DIR, or
-- env:DSM_SOURCE_...) instead of being stored sealed: exactly one of the two per endpoint.
ALTER TABLE data_source ALTER COLUMN password_sealed DROP NOT NULL;
ALTER TABLE data_source ADD COLUMN password_ref varchar(255);
ALTER TABLE data_source ADD COLUMN standby_password_ref varchar(255);
ALTER TABLE data_source ADD CONSTRAINT ck_data_source_password
    CHECK ((password_sealed IS NULL) <> (password_ref IS NULL));
ALTER TABLE data_source DROP CONSTRAINT ck_data_source_standby_complete;
ALTER TABLE data_source ADD CONSTRAINT ck_data_source_standby_complete CHECK (
    (standby_host IS NULL AND standby_port IS NULL AND standby_username IS NULL
        AND standby_password_sealed IS NULL AND standby_password_ref IS NULL)
    OR (standby_host IS NOT NULL AND standby_port IS NOT NULL AND standby_username IS NOT NULL
        AND (standby_password_sealed IS NULL) <> (standby_password_ref IS NULL)));

-- The provisioning file that declares a data source; null when it is managed through the API.
ALTER TABLE data_source ADD COLUMN provisioned_by varchar(255);
CREATE INDEX ix_data_source_provisioned_by ON data_source (provisioned_by) WHERE provisioned_by IS NOT NULL;

-- The last apply of each provisioning file, as GET /api/provisioning shows it.
CREATE TABLE provisioning_file (
    name        varchar(255) PRIMARY KEY,
    status      varchar(16)  NOT NULL CHECK (status IN ('APPLIED', 'UNCHANGED', 'FAILED', 'REMOVED')),
    checksum    varchar(64),
    prune       boolean      NOT NULL DEFAULT false,
    sources     integer      NOT NULL DEFAULT 0,
    errors      jsonb        NOT NULL DEFAULT '[]',
    checked_at  timestamptz  NOT NULL,
    applied_at  timestamptz,
    applied_by  varchar(64)
);
