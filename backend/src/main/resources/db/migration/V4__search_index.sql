-- The list's search (a case-insensitive substring of five fields) as one column with a trigram
-- index, so that searching 10,000+ data sources does not scan them all. The unit separator between
-- the fields keeps a search from matching across two of them.
ALTER TABLE data_source ADD COLUMN search_text text GENERATED ALWAYS AS (
    lower(identifier) || E'\x1f' || lower(host) || E'\x1f' || lower(database_name) || E'\x1f'
    || lower(username) || E'\x1f' || coalesce(lower(remarks), '')) STORED;

-- pg_trgm is a trusted extension (PostgreSQL 13+): the store's owner may create it. Where it is not
-- installed, searches still work, by scanning.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX ix_data_source_search ON data_source USING gin (search_text gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%); data source searches will scan the table', SQLERRM;
END
$$;
