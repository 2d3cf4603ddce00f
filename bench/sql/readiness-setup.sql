-- The source of bench/readiness.sh, run by psql as the superuser in database bench_ready, with
-- -v tables=N: schema big with N tables in scope, shaped like a real application's (some without a
-- primary key, some unlogged, some with a large-object column, partitioned tables, sequences, a
-- publication of a few tables), and schema small with five plain tables. Everything belongs to
-- bench_ready, the migration user (REPLICATION, owner of its schemas).
SET ROLE bench_ready;
CREATE SCHEMA big;
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
SELECT format('CREATE TABLE big.p%s_%s PARTITION OF big.p%s FOR VALUES FROM (%L) TO (%L)', g, y, g,
              make_date(y, 1, 1), make_date(y + 1, 1, 1))
FROM generate_series(1, 20) g, generate_series(2022, 2026) y
\gexec
SELECT format('CREATE SEQUENCE big.s%s', g) FROM generate_series(1, 100) g
\gexec
CREATE PUBLICATION bench_few FOR TABLE big.t1, big.t2, big.t3;

CREATE TABLE small.orders (id int PRIMARY KEY, total numeric);
CREATE TABLE small.customers (id int PRIMARY KEY, name text);
CREATE TABLE small.products (id int PRIMARY KEY, name text);
CREATE TABLE small.invoices (id int PRIMARY KEY, order_id int);
CREATE TABLE small.payments (id int PRIMARY KEY, invoice_id int);
RESET ROLE;
ANALYZE;
