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
    -- the changes as the service writes them, built with json_build_object: in a JSON literal pgbench would take each colon and the name after it for a variable
    json_build_array(
      json_build_object('field', 'identifier', 'oldValue', NULL, 'newValue', 'x'),
      json_build_object('field', 'type', 'oldValue', NULL, 'newValue', 'POSTGRESQL'),
      json_build_object('field', 'region', 'oldValue', NULL, 'newValue', 'default'),
      json_build_object('field', 'attribute', 'oldValue', NULL, 'newValue', 'PRIMARY'),
      json_build_object('field', 'heartbeatEnabled', 'oldValue', NULL, 'newValue', 'false'),
      json_build_object('field', 'host', 'oldValue', NULL, 'newValue', '10.12.0.7'),
      json_build_object('field', 'port', 'oldValue', NULL, 'newValue', '5432'),
      json_build_object('field', 'username', 'oldValue', NULL, 'newValue', 'migrator'),
      json_build_object('field', 'databaseName', 'oldValue', NULL, 'newValue', 'orders'),
      json_build_object('field', 'remarks', 'oldValue', NULL, 'newValue', 'created by the catalog benchmark'),
      json_build_object('field', 'tls.mode', 'oldValue', NULL, 'newValue', 'prefer'),
      json_build_object('field', 'password', 'oldValue', '[secret]', 'newValue', '[secret]'))::text,
    NULL);
END;
