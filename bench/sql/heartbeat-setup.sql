-- heartbeat.sh: run as a superuser in database bench_hb (owned by bench_hb), with psql variable n.
-- Creates n schemas s0001.. owned by bench_hb, each with the heartbeat table dsm writes (its row
-- already there, so dsm only updates it) and an AFTER INSERT OR UPDATE trigger that logs every beat
-- with the target's clock into public.beat_log, which bench_hb can neither read nor change: at is
-- when the row was written (clock_timestamp()), stmt_at when the server got the UPDATE
-- (statement_timestamp()), so a pause can be told apart: the server slow to execute, or nothing sent.
CREATE TABLE public.beat_log (schema_name name NOT NULL, at timestamptz NOT NULL, stmt_at timestamptz NOT NULL);
REVOKE ALL ON public.beat_log FROM PUBLIC;

CREATE FUNCTION public.bench_log_beat() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO public.beat_log (schema_name, at, stmt_at) VALUES (TG_TABLE_SCHEMA, clock_timestamp(), statement_timestamp());
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION public.bench_log_beat() FROM PUBLIC;

SELECT set_config('bench.n', :'n', false);
DO $$
DECLARE
    s text;
BEGIN
    FOR i IN 1 .. current_setting('bench.n')::int LOOP
        s := format('s%s', lpad(i::text, 4, '0'));
        EXECUTE format('CREATE SCHEMA %I AUTHORIZATION bench_hb', s);
        EXECUTE format('CREATE TABLE %I.oms_postgres_heartbeat (id int NOT NULL DEFAULT 1 PRIMARY KEY, ts bigint)', s);
        EXECUTE format('INSERT INTO %I.oms_postgres_heartbeat (id, ts) VALUES (1, 0)', s);
        EXECUTE format('ALTER TABLE %I.oms_postgres_heartbeat OWNER TO bench_hb', s);
        EXECUTE format('CREATE TRIGGER bench_log_beat AFTER INSERT OR UPDATE ON %I.oms_postgres_heartbeat '
                       'FOR EACH ROW EXECUTE FUNCTION public.bench_log_beat()', s);
    END LOOP;
END
$$;
SELECT count(*) AS heartbeat_tables FROM pg_class WHERE relname = 'oms_postgres_heartbeat';
