-- The source of bench/readiness.sh, run by psql as the superuser in database bench_ready, with
-- -v tables=N: schema big with N tables in scope, shaped like a real application's (some without a
-- primary key, some unlogged, some with a large-object column, partitioned tables whose leaves live
-- in schema big_parts, sequences, publications), plus every shape a readiness check of issue 20 looks
-- at, so that "10,000 tables cost at most 150 ms more than ten" is measured with all of them: views
-- (5 whose SELECT fails), row security, DEFERRABLE primary keys, stored generated columns, TOASTed
-- values, materialized views (2 never populated), inheritance parents, large objects, and on
-- PostgreSQL 15 and later publications with row filters and column lists, one FOR ALL TABLES.
-- Schema small has five plain tables. Everything belongs to bench_ready, the migration user
-- (REPLICATION, owner of its schemas), except the broken views, which belong to bench_ready_owner
-- (readiness.sh drops both roles).
SELECT current_setting('server_version_num')::int >= 120000 AS pg12,
       current_setting('server_version_num')::int >= 150000 AS pg15 \gset
DO $$ BEGIN CREATE ROLE bench_ready_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
SET ROLE bench_ready;
CREATE SCHEMA big;
CREATE SCHEMA big_parts;
CREATE SCHEMA small;

-- Batches of 500 per transaction: one transaction creating them all would need more locks than
-- max_locks_per_transaction allows.
SELECT format($f$DO $do$ BEGIN
  FOR g IN %s..%s LOOP
    EXECUTE format('CREATE %%s TABLE big.t%%s (id int %%s, v text%%s)',
      CASE WHEN g %% 100 = 0 THEN 'UNLOGGED' ELSE '' END, g,
      CASE WHEN g %% 20 = 0 THEN '' ELSE 'PRIMARY KEY' END,
      CASE WHEN g %% 50 = 0 THEN ', doc oid' ELSE '' END);
  END LOOP;
END $do$$f$, b, least(b + 499, :tables))
FROM generate_series(1, :tables, 500) b
\gexec

SELECT format('CREATE TABLE big.p%s (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)', g)
FROM generate_series(1, 20) g
\gexec
SELECT format('CREATE TABLE big_parts.p%s_%s PARTITION OF big.p%s FOR VALUES FROM (%L) TO (%L)', g, y, g,
              make_date(y, 1, 1), make_date(y + 1, 1, 1))
FROM generate_series(1, 20) g, generate_series(2022, 2026) y
\gexec
SELECT format('CREATE SEQUENCE big.s%s', g) FROM generate_series(1, 100) g
\gexec
CREATE PUBLICATION bench_few FOR TABLE big.t1, big.t2, big.t3;

-- Views: 95 that read, and 5 whose owner may not read their table (SELECT fails with 42501).
SELECT format('CREATE VIEW big.v%s AS SELECT id, v FROM big.t%s', g, g) FROM generate_series(1, 95) g
\gexec
CREATE TABLE big.owner_hidden (id int PRIMARY KEY);
-- Row security that filters the owner too (FORCE), with a policy that lets it see half the rows.
SELECT format('CREATE TABLE big.rls%1$s (id int PRIMARY KEY, v text); '
              'ALTER TABLE big.rls%1$s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY; '
              'CREATE POLICY even ON big.rls%1$s USING (id %% 2 = 0)', g) FROM generate_series(1, 20) g
\gexec
SELECT format('CREATE TABLE big.deferred%s (id int PRIMARY KEY DEFERRABLE, v text)', g) FROM generate_series(1, 20) g
\gexec
\if :pg12
SELECT format('CREATE TABLE big.generated%s (id int PRIMARY KEY, net numeric, gross numeric GENERATED ALWAYS AS (net * 1.2) STORED)', g)
FROM generate_series(1, 20) g
\gexec
\endif
-- 100 kB of md5 hex per row is stored out of line; the VACUUM below records the TOAST relations' pages.
SELECT format('CREATE TABLE big.toasted%1$s (id int PRIMARY KEY, body text); '
              'INSERT INTO big.toasted%1$s SELECT 1, string_agg(md5(i::text), %2$L) FROM generate_series(1, 3200) i', g, '')
FROM generate_series(1, 10) g
\gexec
SELECT format('CREATE MATERIALIZED VIEW big.mv%s AS SELECT id FROM big.t%s %s', g, g, CASE WHEN g <= 2 THEN 'WITH NO DATA' ELSE '' END)
FROM generate_series(1, 10) g
\gexec
SELECT format('CREATE TABLE big.parent%1$s (id int PRIMARY KEY, v text); CREATE TABLE big.child%1$s () INHERITS (big.parent%1$s)', g)
FROM generate_series(1, 10) g
\gexec
DO $$ BEGIN PERFORM lo_from_bytea(0, 'bench large object') FROM generate_series(1, 10); END $$;
SELECT format('CREATE PUBLICATION bench_pub%s FOR TABLE big.t%s, big.t%s', g, 100 + g, 200 + g) FROM generate_series(1, 24) g
\gexec
\if :pg15
CREATE PUBLICATION bench_filtered1 FOR TABLE big.t301 WHERE (v IS NOT NULL);
CREATE PUBLICATION bench_filtered2 FOR TABLE big.t302 WHERE (id > 0);
CREATE PUBLICATION bench_listed1 FOR TABLE big.t303 (id);
CREATE PUBLICATION bench_listed2 FOR TABLE big.t304 (id, v);
\endif

CREATE TABLE small.orders (id int PRIMARY KEY, total numeric);
CREATE TABLE small.customers (id int PRIMARY KEY, name text);
CREATE TABLE small.products (id int PRIMARY KEY, name text);
CREATE TABLE small.invoices (id int PRIMARY KEY, order_id int);
CREATE TABLE small.payments (id int PRIMARY KEY, invoice_id int);
RESET ROLE;
-- The broken views: their owner may use schema big but was never granted the table they read.
GRANT USAGE ON SCHEMA big TO bench_ready_owner;
SELECT format('CREATE VIEW big.broken_v%1$s AS SELECT id FROM big.owner_hidden; '
              'ALTER VIEW big.broken_v%1$s OWNER TO bench_ready_owner; GRANT SELECT ON big.broken_v%1$s TO bench_ready', g)
FROM generate_series(1, 5) g
\gexec
-- FOR ALL TABLES and FOR TABLES IN SCHEMA need a superuser.
CREATE PUBLICATION zzz_all FOR ALL TABLES;
\if :pg15
CREATE PUBLICATION bench_schema FOR TABLES IN SCHEMA big_parts;
\endif
SELECT format('VACUUM big.toasted%s', g) FROM generate_series(1, 10) g
\gexec
ANALYZE;
