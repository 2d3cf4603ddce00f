-- Who may sign in. Only a PBKDF2 hash of each password is kept; usernames are unique ignoring case.
CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    username      varchar(64)  NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER')),
    password_hash varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_app_user_username_ci ON app_user (lower(username));

-- Console sessions, shared by every instance. The cookie holds a random token; only its SHA-256
-- is stored, so a copy of this table signs nobody in.
CREATE TABLE user_session (
    token_hash varchar(64) PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token varchar(64) NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX ix_user_session_user ON user_session (user_id);
CREATE INDEX ix_user_session_expiry ON user_session (expires_at);

-- What was done, by whom, from where. Never a secret: changed passwords show as changed, not as values.
CREATE TABLE audit_event (
    id                     bigserial PRIMARY KEY,
    occurred_at            timestamptz  NOT NULL,
    actor                  varchar(64),
    client_address         varchar(64),
    action                 varchar(40)  NOT NULL,
    outcome                varchar(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    data_source_id         uuid,
    data_source_identifier varchar(32),
    changes                text,
    detail                 varchar(1000)
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_data_source ON audit_event (data_source_id, occurred_at DESC);
CREATE INDEX ix_audit_event_actor ON audit_event (lower(actor), occurred_at DESC);
