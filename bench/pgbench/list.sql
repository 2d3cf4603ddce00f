-- GET /api/datasources?page=1&size=20: the count, then the page, as Hibernate sends them, in one transaction.
\set off 0
\set lim 20
BEGIN;
SELECT count(*) FROM data_source dse1_0 WHERE 1=1;
SELECT dse1_0.id, dse1_0.attribute, dse1_0.created_at, dse1_0.database_name, dse1_0.heartbeat_enabled, dse1_0.host,
    dse1_0.identifier, dse1_0.password_sealed, dse1_0.port, dse1_0.region, dse1_0.remarks, dse1_0.schema_name,
    dse1_0.standby_host, dse1_0.standby_password_sealed, dse1_0.standby_port, dse1_0.standby_username, dse1_0.type,
    dse1_0.updated_at, dse1_0.username, dse1_0.version, dse1_0.heartbeat_schema, dse1_0.tls_mode,
    dse1_0.tls_ca_certificate, dse1_0.search_text
  FROM data_source dse1_0 WHERE 1=1
  ORDER BY dse1_0.created_at DESC, dse1_0.id DESC OFFSET :off ROWS FETCH FIRST :lim ROWS ONLY;
END;
