-- Helper tables for the pgbench scripts, in their own schema next to dsm's tables (dsm ignores them).
-- psql -v terms="$(cat catalog-terms.txt)": the search terms, one per line.
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.id (k serial PRIMARY KEY, id uuid NOT NULL);
INSERT INTO bench.id (id) SELECT id FROM data_source ORDER BY created_at, id;
CREATE TABLE bench.term (k serial PRIMARY KEY, term text NOT NULL, pattern text NOT NULL);
INSERT INTO bench.term (term, pattern)
  SELECT t, '%' || lower(t) || '%' FROM unnest(string_to_array(:'terms', E'\n')) AS t WHERE t <> '';
ANALYZE bench.id;
ANALYZE bench.term;
