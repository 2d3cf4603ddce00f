-- The severity a team accepted, so that a finding whose severity rises above it counts again (issue 22).
-- Rows from before this column accepted the whole check: they get the worst severity their check could raise
-- then (io.dsm.readiness.ReadinessCheck.worstSeverity(), as it stands at this migration), which covers what
-- they covered.
ALTER TABLE readiness_acceptance ADD COLUMN severity varchar(8);

UPDATE readiness_acceptance SET severity = CASE
    WHEN check_id IN ('tables.sequences', 'tables.unchanged_toast') THEN 'INFO'
    WHEN check_id IN ('server.max_slot_wal_keep_size', 'server.standby_reads', 'role.password_expiry', 'slots.inactive',
            'slots.wal_retention', 'publications.coverage', 'publications.operations', 'publications.heartbeat_table',
            'tables.partitioned', 'tables.large_objects', 'tables.generated_columns', 'tables.inheritance') THEN 'WARNING'
    ELSE 'BLOCKER'
END;

ALTER TABLE readiness_acceptance ALTER COLUMN severity SET NOT NULL,
    ADD CONSTRAINT ck_readiness_acceptance_severity CHECK (severity IN ('BLOCKER', 'WARNING', 'INFO')),
    -- A blocker is accepted for a while only (DSM_ACCEPTANCE_MAX_DAYS); the store keeps that promise too.
    ADD CONSTRAINT ck_readiness_acceptance_blocker_expires CHECK (severity <> 'BLOCKER' OR expires_at IS NOT NULL);

-- A provisioning file's acceptances are accepted by the file, whose name (data_source.provisioned_by) may be that long.
ALTER TABLE readiness_acceptance ALTER COLUMN accepted_by TYPE varchar(255);
