-- GET /api/datasources?q=<term>&page=1&size=20. The pattern ('%term%', from catalog-terms.txt) is
-- fetched by key from bench.term (no string variables in pgbench), then bound like Hibernate binds
-- it, against the trigram-indexed search_text column (migration V4). -D terms=<number of terms>.
\set k random(1, :terms)
\set off 0
\set lim 20
BEGIN;
SELECT pattern AS q FROM bench.term WHERE k = :k \gset
SELECT count(*) FROM data_source dse1_0
  WHERE 1=1 AND dse1_0.search_text LIKE :q ESCAPE '\';
SELECT dse1_0.id, dse1_0.attribute, dse1_0.created_at, dse1_0.database_name, dse1_0.heartbeat_enabled, dse1_0.host,
    dse1_0.identifier, dse1_0.password_sealed, dse1_0.port, dse1_0.region, dse1_0.remarks, dse1_0.schema_name,
    dse1_0.standby_host, dse1_0.standby_password_sealed, dse1_0.standby_port, dse1_0.standby_username, dse1_0.type,
    dse1_0.updated_at, dse1_0.username, dse1_0.version, dse1_0.heartbeat_schema, dse1_0.tls_mode,
    dse1_0.tls_ca_certificate, dse1_0.search_text
  FROM data_source dse1_0
  WHERE 1=1 AND dse1_0.search_text LIKE :q ESCAPE '\'
  ORDER BY dse1_0.created_at DESC, dse1_0.id DESC OFFSET :off ROWS FETCH FIRST :lim ROWS ONLY;
END;
