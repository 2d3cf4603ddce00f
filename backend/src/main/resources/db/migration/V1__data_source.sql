-- The registry of data sources. Passwords are AES-256-GCM ciphertext sealed by the service.
CREATE TABLE data_source (
    id                 uuid         PRIMARY KEY,
    identifier         varchar(32)  NOT NULL,
    type               varchar(32)  NOT NULL,
    region             varchar(64)  NOT NULL,
    attribute          varchar(32)  NOT NULL,
    heartbeat_enabled  boolean      NOT NULL DEFAULT false,
    host               varchar(253) NOT NULL,
    port               integer      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    username           varchar(63)  NOT NULL,
    password_sealed    text         NOT NULL,
    database_name      varchar(63)  NOT NULL,
    schema_name        varchar(63),
    remarks            varchar(128),
    standby_host       varchar(253),
    standby_port       integer      CHECK (standby_port BETWEEN 1 AND 65535),
    standby_username   varchar(63),
    standby_password_sealed text,
    version            bigint       NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    CONSTRAINT ck_data_source_standby_complete CHECK (
        (standby_host IS NULL AND standby_port IS NULL AND standby_username IS NULL AND standby_password_sealed IS NULL)
        OR (standby_host IS NOT NULL AND standby_port IS NOT NULL AND standby_username IS NOT NULL AND standby_password_sealed IS NOT NULL))
);

-- Identifiers are unique ignoring case; the index, not the service's check, settles concurrent creates.
CREATE UNIQUE INDEX ux_data_source_identifier_ci ON data_source (lower(identifier));
-- The list's default order is newest first; id breaks ties so pages never overlap.
CREATE INDEX ix_data_source_created_at ON data_source (created_at DESC, id DESC);
