-- How many findings of the latest check an acceptance covers: they stay in the report but not in the state or
-- its counts, and the list's badge and the metrics show them beside those counts.
ALTER TABLE readiness_watch ADD COLUMN accepted integer NOT NULL DEFAULT 0;

-- The history also records a finding becoming accepted, and counting again: because its acceptance expired,
-- or because it is no longer covered (the acceptance was revoked, or the finding names another object).
ALTER TABLE readiness_history DROP CONSTRAINT readiness_history_kind_check;
ALTER TABLE readiness_history ADD CONSTRAINT readiness_history_kind_check CHECK (kind IN (
    'STATE_CHANGED', 'FINDING_APPEARED', 'FINDING_CLEARED', 'FINDING_ACCEPTED', 'ACCEPTANCE_EXPIRED', 'FINDING_REOPENED'));
