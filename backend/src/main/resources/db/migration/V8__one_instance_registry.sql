-- One registry of the instances that share work through the store (issue 21), instead of a table per
-- kind of work: an instance announces itself once per kind of work it takes part in, under the one
-- name it has for the life of its process.
CREATE TABLE instance_presence (
    owner   varchar(64) NOT NULL,
    work    varchar(16) NOT NULL CHECK (work IN ('HEARTBEAT', 'WATCH')),
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (owner, work)
);

-- Running instances announce themselves again within a tick; nothing in the old tables is worth keeping.
DROP TABLE heartbeat_instance;
DROP TABLE watch_instance;
