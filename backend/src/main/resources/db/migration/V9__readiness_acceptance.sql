-- Readiness findings a team accepted as a risk: who decided, why, for which objects and until when.
-- Expired acceptances are kept, so the record of who accepted what outlives the acceptance itself.
CREATE TABLE readiness_acceptance (
    id             uuid         PRIMARY KEY,
    data_source_id uuid         NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    -- A readiness catalogue id (io.dsm.readiness.ReadinessCheck), such as tables.replica_identity.
    check_id       varchar(64)  NOT NULL,
    -- The exact object names the acceptance covers, as findings carry them; empty covers a check that names none.
    objects        text[]       NOT NULL DEFAULT '{}',
    reason         varchar(1000) NOT NULL CHECK (length(btrim(reason)) > 0),
    accepted_by    varchar(64)  NOT NULL,
    accepted_at    timestamptz  NOT NULL,
    -- Required for a check that can raise a blocker; NULL only for warnings and information.
    expires_at     timestamptz,
    -- API, or FILE for an acceptance a provisioning file declares.
    source         varchar(8)   NOT NULL CHECK (source IN ('API', 'FILE'))
);

CREATE INDEX ix_readiness_acceptance_data_source ON readiness_acceptance (data_source_id);
