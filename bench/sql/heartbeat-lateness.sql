-- heartbeat.sh: the beats as the target saw them, from public.beat_log, for beats logged between
-- epoch seconds :t0 and :t1, with the beat interval :interval_ms. Output: one "key value" per line.
--   gap lateness  = time since the same schema's previous beat - interval (signed; the brief's measure);
--   phase lateness = how much later than its own schedule a beat landed: dsm schedules each source
--                    at a fixed rate and runs a late beat rather than skipping it, so the k-th beat
--                    of a schema in the window is due at anchor + k x interval, the anchor being
--                    the schema's least late beat (never negative). A skipped beat would show as
--                    the beats before it being one interval late: compare the beat counts.
--   stalls         = pauses of more than 1 s during which no schema got a beat (the 1,000 sources
--                    share one connection, so one stuck statement stops them all), each split
--                    into "arrival" (from the previous beat's row to the server getting the next
--                    UPDATE: the previous commit, the trip back to dsm, dsm sending the next) and
--                    "execution" (from getting the UPDATE to writing the row: the server).
\pset format unaligned
\pset tuples_only on
\pset fieldsep ' '
CREATE TEMP TABLE beats AS
SELECT schema_name, extract(epoch FROM at) * 1000 AS at_ms, extract(epoch FROM stmt_at) * 1000 AS stmt_ms
FROM public.beat_log WHERE at >= to_timestamp(:t0) AND at <= to_timestamp(:t1);

CREATE TEMP TABLE gaps AS
SELECT schema_name, at_ms - lag(at_ms) OVER (PARTITION BY schema_name ORDER BY at_ms) - :interval_ms AS late_ms
FROM beats;
DELETE FROM gaps WHERE late_ms IS NULL;

CREATE TEMP TABLE phases AS
WITH k AS (
    SELECT schema_name, at_ms - (row_number() OVER (PARTITION BY schema_name ORDER BY at_ms) - 1) * :interval_ms AS offset_ms
    FROM beats
)
SELECT schema_name, offset_ms - min(offset_ms) OVER (PARTITION BY schema_name) AS late_ms FROM k;

SELECT 'beats', count(*) FROM beats;
SELECT 'schemas_beating', count(DISTINCT schema_name) FROM beats;
SELECT 'gaps', count(*) FROM gaps;
SELECT 'gap_late_p50', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY late_ms)::numeric, 1) FROM gaps;
SELECT 'gap_late_p99', round(percentile_cont(0.99) WITHIN GROUP (ORDER BY late_ms)::numeric, 1) FROM gaps;
SELECT 'gap_late_max', round(max(late_ms)::numeric, 1) FROM gaps;
SELECT 'gap_late_min', round(min(late_ms)::numeric, 1) FROM gaps;
SELECT 'gap_jitter_p50', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(late_ms))::numeric, 1) FROM gaps;
SELECT 'gap_jitter_p90', round(percentile_cont(0.9) WITHIN GROUP (ORDER BY abs(late_ms))::numeric, 1) FROM gaps;
SELECT 'gap_jitter_p99', round(percentile_cont(0.99) WITHIN GROUP (ORDER BY abs(late_ms))::numeric, 1) FROM gaps;
SELECT 'gap_jitter_p999', round(percentile_cont(0.999) WITHIN GROUP (ORDER BY abs(late_ms))::numeric, 1) FROM gaps;
SELECT 'gap_jitter_max', round(max(abs(late_ms))::numeric, 1) FROM gaps;
SELECT 'gap_within_1s_pct', round(100.0 * avg((abs(late_ms) <= 1000)::int), 3) FROM gaps;
SELECT 'gap_over_1s', count(*) FILTER (WHERE abs(late_ms) > 1000) FROM gaps;
SELECT 'gap_missed_beats', count(*) FILTER (WHERE late_ms > :interval_ms / 2.0) FROM gaps;
SELECT 'phase_late_p50', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY late_ms)::numeric, 1) FROM phases;
SELECT 'phase_late_p99', round(percentile_cont(0.99) WITHIN GROUP (ORDER BY late_ms)::numeric, 1) FROM phases;
SELECT 'phase_late_max', round(max(late_ms)::numeric, 1) FROM phases;
SELECT 'phase_within_1s_pct', round(100.0 * avg((late_ms <= 1000)::int), 3) FROM phases;
SELECT 'window_first_beat_s', round((min(at_ms) / 1000 - :t0)::numeric, 2) FROM beats;
SELECT 'window_last_beat_s', round((:t1 - max(at_ms) / 1000)::numeric, 2) FROM beats;
SELECT 'stalls_over_1s', count(*), coalesce(round(max(g)::numeric), 0) FROM (
    SELECT at_ms - lag(at_ms) OVER (ORDER BY at_ms) AS g FROM beats) x WHERE g > 1000;
SELECT 'stall', round(((at_ms - g) / 1000 - :t0)::numeric, 1), round(g::numeric), round((stmt_ms - prev_ms)::numeric),
       round((at_ms - stmt_ms)::numeric) FROM (
    SELECT at_ms, stmt_ms, lag(at_ms) OVER (ORDER BY at_ms) AS prev_ms, at_ms - lag(at_ms) OVER (ORDER BY at_ms) AS g
    FROM beats) x WHERE g > 1000 ORDER BY g DESC LIMIT 5;
SELECT 'execution_p50', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY at_ms - stmt_ms)::numeric, 2) FROM beats;
SELECT 'execution_p99', round(percentile_cont(0.99) WITHIN GROUP (ORDER BY at_ms - stmt_ms)::numeric, 2) FROM beats;
SELECT 'execution_max', round(max(at_ms - stmt_ms)::numeric, 1) FROM beats;
