-- POST /api/datasources: the case-insensitive uniqueness check, the INSERT of one row with an
-- ~80-character sealed password, and its audit record, in one transaction. Identifiers are p<run>c<client>n<counter>
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
INSERT INTO audit_event (occurred_at, actor, client_address, action, outcome, data_source_id, data_source_identifier, changes, detail)
  VALUES (now(), 'admin', '127.0.0.1', 'DATA_SOURCE_CREATED', 'SUCCESS', gen_random_uuid(), 'p' || :run || 'c' || :client_id || 'n' || :n,
    '[{"field":"identifier","oldValue":null,"newValue":"x"},{"field":"type","oldValue":null,"newValue":"POSTGRESQL"},{"field":"region","oldValue":null,"newValue":"default"},{"field":"attribute","oldValue":null,"newValue":"PRIMARY"},{"field":"heartbeatEnabled","oldValue":null,"newValue":"false"},{"field":"host","oldValue":null,"newValue":"10.12.0.7"},{"field":"port","oldValue":null,"newValue":"5432"},{"field":"username","oldValue":null,"newValue":"migrator"},{"field":"databaseName","oldValue":null,"newValue":"orders"},{"field":"remarks","oldValue":null,"newValue":"created by the catalog benchmark"},{"field":"tls.mode","oldValue":null,"newValue":"prefer"},{"field":"password","oldValue":"[secret]","newValue":"[secret]"}]',
    NULL);
END;
