package io.dsm.readiness.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.readiness.ReadinessScope;

/**
 * Views and foreign tables whose SELECT fails, which the catalog cannot tell: a view whose owner lost
 * a privilege, a foreign server that cannot be reached. The server is asked: a DO block at the end of
 * the test's batch (no round trip of its own) plans and starts {@code SELECT FROM <relation> LIMIT 0}
 * for each. Starting the plan checks the privileges of the view's owner and opens the foreign
 * connection; no row is fetched, so no function of a view runs. The list comes from
 * {@link ScopeTables} through the setting {@code dsm.probe_oids}, so no name is spliced into the body.
 * It is bounded: at most {@link #MAX_PROBED} relations, a time budget after which the rest are
 * skipped, a lock_timeout, and a statement timeout (query_canceled) that ends the loop, not the batch.
 */
final class ViewProbe {

    static final int MAX_PROBED = 100;
    /** A lock held on a relation makes its SELECT wait: the probe waits this long, then skips it. */
    private static final String LOCK_TIMEOUT = "100ms";
    /**
     * Before PostgreSQL 17 a backend connecting to a foreign server (postgres_fdw) cannot be interrupted: one that
     * never answers would hold the test until the network gives up, so foreign tables are tried from 17 on only.
     */
    static final int INTERRUPTIBLE_FOREIGN_CONNECT = 17;
    private static final String READABLE = "NOT s.unreadable AND " + ScopeTables.CHECKED;
    private static final String SCOPE_COLUMNS = """
            count(*) FILTER (WHERE %1$s) AS probe_candidates, count(*) FILTER (WHERE %2$s) AS foreign_left_out,
                   set_config('dsm.probe_oids', coalesce((SELECT string_agg(p.oid::text, ',') FROM (SELECT s.oid FROM flagged s
                     WHERE %1$s ORDER BY s.name LIMIT %3$d) p), ''), true) AS probe_oids""";

    private static final String PROBE = """
            DO $probe$
            DECLARE r record; failed json[] := '{}'; skipped int := 0;
              deadline timestamptz := clock_timestamp() + interval '%d milliseconds';
            BEGIN
              PERFORM set_config('lock_timeout', '%s', true);
              FOR r IN SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE c.oid = ANY (string_to_array(current_setting('dsm.probe_oids', true), ',')::oid[]) ORDER BY 1
              LOOP
                IF clock_timestamp() > deadline THEN skipped := skipped + 1; CONTINUE; END IF;
                BEGIN
                  EXECUTE 'SELECT FROM ' || r.name || ' LIMIT 0';
                EXCEPTION
                  WHEN query_canceled THEN skipped := skipped + 1; deadline := '-infinity';
                  WHEN lock_not_available THEN skipped := skipped + 1;
                  WHEN OTHERS THEN failed := failed || json_build_object('name', r.name, 'detail', json_build_object('key',
                    CASE r.relkind WHEN 'v' THEN 'detail.probe.view' ELSE 'detail.probe.foreignTable' END,
                    'args', json_build_array(SQLERRM, SQLSTATE)));
                END;
              END LOOP;
              PERFORM set_config('dsm.probe_result', json_build_object('failed', failed, 'skipped', skipped)::text, true);
            END
            $probe$""";

    /**
     * What the probe found.
     *
     * @param failed   the relations whose SELECT failed, with the server's message and SQLSTATE
     * @param probed   how many relations the probe was given
     * @param skipped  how many of those it left untried: out of time, or a lock held on them
     */
    record Result(ObjectList failed, long probed, long skipped) {
    }

    private ViewProbe() {
    }

    /** Whether the endpoint's checks include the probe: full migration reads views and foreign tables, from PostgreSQL 10. */
    static boolean runs(Subject subject) {
        return subject.serves(ReadinessScope.FULL_MIGRATION) && subject.decodes();
    }

    /** The columns of {@link ScopeTables}'s answer that count the candidates and hand the probe its list. */
    static String scopeColumns(Subject subject) {
        if (!runs(subject)) {
            return "0::bigint AS probe_candidates, 0::bigint AS foreign_left_out";
        }
        boolean foreign = subject.atLeast(INTERRUPTIBLE_FOREIGN_CONNECT);
        return SCOPE_COLUMNS.formatted((foreign ? "s.relkind IN ('v', 'f')" : "s.relkind = 'v'") + " AND " + READABLE,
                foreign ? "false" : "s.relkind = 'f' AND " + READABLE, MAX_PROBED);
    }

    /** The DO block and the statement that answers what it found, in this order at the end of the batch. */
    static List<CatalogBatch.Query> queries(Duration budget) {
        return List.of(CatalogBatch.Query.of(PROBE.formatted(budget.toMillis(), LOCK_TIMEOUT)),
                CatalogBatch.Query.of("SELECT current_setting('dsm.probe_result', true)"));
    }

    /** @param candidates how many relations {@link ScopeTables} found to probe */
    static Result read(CatalogBatch answers, long candidates) throws SQLException {
        answers.skipCommand();
        java.sql.ResultSet row = answers.next();
        row.next();
        JsonNode result = CatalogJson.column(row, "current_setting");
        List<AffectedObject> failed = new ArrayList<>();
        if (result != null) {
            result.get("failed").forEach(f -> failed.add(new AffectedObject(CatalogJson.text(f, "name"), DetailTexts.read(f.get("detail")))));
        }
        long probed = Math.min(candidates, MAX_PROBED);
        long skipped = result == null ? probed : result.get("skipped").asLong();
        return new Result(ObjectList.of(failed), probed, skipped);
    }
}
