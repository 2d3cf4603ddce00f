-- Heartbeats: where each data source's heartbeat table lives, and one row per data source with
-- heartbeat on. The row is both the lease (which dsm instance beats it, until when) and the status
-- shown in the API. It is kept apart from data_source so that beats never touch its version.
ALTER TABLE data_source ADD COLUMN heartbeat_schema varchar(63);

CREATE TABLE heartbeat (
    data_source_id       uuid         PRIMARY KEY REFERENCES data_source (id) ON DELETE CASCADE,
    owner                varchar(64),
    lease_expires_at     timestamptz  NOT NULL DEFAULT '-infinity',
    state                varchar(16)  NOT NULL DEFAULT 'PENDING'
                         CHECK (state IN ('PENDING', 'ACTIVE', 'FAILING')),
    last_beat_at         timestamptz,
    last_error           varchar(512),
    consecutive_failures integer      NOT NULL DEFAULT 0,
    warning              varchar(512),
    updated_at           timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX ix_heartbeat_lease ON heartbeat (lease_expires_at);
CREATE INDEX ix_heartbeat_owner ON heartbeat (owner);

-- The dsm instances that write beats, seen at each of their lease ticks, so that every instance can
-- take its fair share, including one that owns nothing yet.
CREATE TABLE heartbeat_instance (
    owner   varchar(64) PRIMARY KEY,
    seen_at timestamptz NOT NULL
);
