-- The readiness watch: one row per data source with its latest verdict and report, and the lease of
-- the instance checking it right now (a check is claimed in the store, so a source is never checked
-- twice at once, and a dead instance's claim expires by itself).
CREATE TABLE readiness_watch (
    data_source_id   uuid         PRIMARY KEY REFERENCES data_source (id) ON DELETE CASCADE,
    state            varchar(16)  NOT NULL DEFAULT 'UNKNOWN'
                     CHECK (state IN ('READY', 'WARNINGS', 'BLOCKED', 'UNREACHABLE', 'UNKNOWN')),
    blockers         integer      NOT NULL DEFAULT 0,
    warnings         integer      NOT NULL DEFAULT 0,
    checked_at       timestamptz,
    -- The instance that stored the latest result.
    checked_by       varchar(64),
    next_check_at    timestamptz  NOT NULL DEFAULT now(),
    -- When the source was last edited: a check that started before keeps the next one due now.
    changed_at       timestamptz,
    owner            varchar(64),
    lease_expires_at timestamptz  NOT NULL DEFAULT '-infinity',
    manual_check_at  timestamptz,
    -- The latest ConnectionTestResult, as the API shows it (it never holds a password).
    report           jsonb,
    -- The replication slots of the source's database at checked_at, for the metrics.
    slots            jsonb,
    -- The identifier at checked_at, for metric labels and webhook events.
    identifier       varchar(32)
);

CREATE INDEX ix_readiness_watch_due ON readiness_watch (next_check_at);
CREATE INDEX ix_readiness_watch_state ON readiness_watch (state);

-- The instances that run the watch, seen at each poll: each takes the due checks of its share of the
-- sources (by a hash of the id), so that instances split the work evenly; a check overdue by a few
-- seconds is anyone's, so a busy or dead instance's share is not left waiting.
CREATE TABLE watch_instance (
    owner   varchar(64) PRIMARY KEY,
    seen_at timestamptz NOT NULL
);

-- What changed between checks: a finding that appeared or cleared, a state that changed.
CREATE TABLE readiness_history (
    id             bigserial    PRIMARY KEY,
    data_source_id uuid         NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    occurred_at    timestamptz  NOT NULL,
    kind           varchar(24)  NOT NULL CHECK (kind IN ('STATE_CHANGED', 'FINDING_APPEARED', 'FINDING_CLEARED')),
    from_state     varchar(16),
    to_state       varchar(16),
    check_id       varchar(64),
    target         varchar(16),
    severity       varchar(16),
    message        varchar(1000),
    actor          varchar(64)
);

CREATE INDEX ix_readiness_history_source ON readiness_history (data_source_id, occurred_at DESC, id DESC);
CREATE INDEX ix_readiness_history_age ON readiness_history (occurred_at);

-- State changes to send to DSM_WATCH_WEBHOOK_URL, written in the transaction that stores the change
-- and delivered by one instance at a time, with retries, even after a restart.
CREATE TABLE readiness_event (
    id               uuid         PRIMARY KEY,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    payload          text         NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    owner            varchar(64),
    lease_expires_at timestamptz  NOT NULL DEFAULT '-infinity',
    delivered_at     timestamptz,
    given_up_at      timestamptz,
    last_error       varchar(512)
);

CREATE INDEX ix_readiness_event_pending ON readiness_event (next_attempt_at)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;

-- Sources registered before the watch existed are checked soon, spread over a minute.
INSERT INTO readiness_watch (data_source_id, next_check_at)
SELECT id, now() + random() * interval '1 minute' FROM data_source;
