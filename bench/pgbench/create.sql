-- POST /api/datasources: the case-insensitive uniqueness check, then the INSERT of one row with an
-- ~80-character sealed password, in one transaction. Identifiers are p<run>c<client>n<counter>
-- (pgbench keeps :n per client across transactions; start it with -D n=0 -D run=<tag>).
\set n :n + 1
\set port random(5432, 5532)
BEGIN;
SELECT count(*) FROM data_source dse1_0 WHERE lower(dse1_0.identifier) = lower('p' || :run || 'c' || :client_id || 'n' || :n);
INSERT INTO data_source (attribute, created_at, database_name, heartbeat_enabled, host, identifier, password_sealed,
    port, region, remarks, schema_name, standby_host, standby_password_sealed, standby_port, standby_username, type,
    updated_at, username, version, heartbeat_schema, tls_mode, tls_ca_certificate, id)
  VALUES (:attribute, now(), :db, false, :host, 'p' || :run || 'c' || :client_id || 'n' || :n, :sealed,
    :port, 'default', 'created by the catalog benchmark', NULL, NULL, NULL, NULL, NULL, 'POSTGRESQL',
    now(), 'migrator', 0, NULL, 'prefer', NULL, gen_random_uuid());
END;
