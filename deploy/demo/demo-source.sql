-- The demo profile's sample source (docker compose --profile demo up): a PostgreSQL set up the way a
-- migration source usually is, to try Test Connection and heartbeats against.
--   host demo-source, port 5432, database orders, schema sales,
--   user migrator, password DEMO_MIGRATOR_PASSWORD from .env
-- The postgres image runs this once, when its data directory is empty, as the superuser. psql reads
-- the password from the environment (\getenv, psql 15+), so no password is written here.

\set ON_ERROR_STOP on
\getenv migrator_password DEMO_MIGRATOR_PASSWORD
\if :{?migrator_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'DEMO_MIGRATOR_PASSWORD is not set (see .env.example)'; END $$;
\endif

SET password_encryption = 'scram-sha-256';
-- REPLICATION: dsm's REPLICATION check passes (logical decoding for incremental sync).
CREATE ROLE migrator LOGIN REPLICATION PASSWORD :'migrator_password';
CREATE DATABASE orders;
REVOKE CREATE ON DATABASE orders FROM PUBLIC;
-- CREATE on the database: a publication for incremental sync.
GRANT CONNECT, CREATE ON DATABASE orders TO migrator;

\connect orders

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- The heartbeat table (oms_postgres_heartbeat) goes into public by default.
GRANT USAGE, CREATE ON SCHEMA public TO migrator;

CREATE SCHEMA sales;
CREATE TABLE sales.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    country text NOT NULL
);
CREATE TABLE sales.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES sales.customers (id),
    total numeric(12, 2) NOT NULL,
    ordered_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sales.customers (name, country) VALUES ('Acme', 'DE'), ('Globex', 'US'), ('Initech', 'CN');
INSERT INTO sales.orders (customer_id, total)
SELECT 1 + (n % 3), round((random() * 500)::numeric, 2) FROM generate_series(1, 100) AS n;

GRANT USAGE ON SCHEMA sales TO migrator;
GRANT SELECT ON ALL TABLES IN SCHEMA sales TO migrator;

-- Something to find with Test Connection: a schema the migrator may not read.
CREATE SCHEMA hr;
CREATE TABLE hr.salaries (employee text, amount numeric);
