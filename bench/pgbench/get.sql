-- GET /api/datasources/{id}. The random existing id comes from bench.id (key 1..N, -D ids=N)
-- through a scalar subquery in the same statement, which costs one extra index probe but no round trip.
\set k random(1, :ids)
BEGIN;
SELECT dse1_0.id, dse1_0.attribute, dse1_0.created_at, dse1_0.database_name, dse1_0.heartbeat_enabled, dse1_0.host,
    dse1_0.identifier, dse1_0.password_sealed, dse1_0.port, dse1_0.region, dse1_0.remarks, dse1_0.schema_name,
    dse1_0.standby_host, dse1_0.standby_password_sealed, dse1_0.standby_port, dse1_0.standby_username, dse1_0.type,
    dse1_0.updated_at, dse1_0.username, dse1_0.version, dse1_0.heartbeat_schema, dse1_0.tls_mode,
    dse1_0.tls_ca_certificate, dse1_0.search_text
  FROM data_source dse1_0 WHERE dse1_0.id = (SELECT id FROM bench.id WHERE k = :k);
END;
