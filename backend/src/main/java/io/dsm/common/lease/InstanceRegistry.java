package io.dsm.common.lease;

import java.sql.Connection;
import java.sql.SQLException;

import io.dsm.common.jdbc.Statements;

/**
 * The instances seen in the store, per kind of work they take part in (table {@code instance_presence}):
 * each announces itself at every tick of that work, so that the others can split the work with it,
 * including an instance that holds nothing yet. An instance not seen for a day is forgotten; one
 * that stops leaves at once.
 */
public final class InstanceRegistry {

    /** The kinds of work split between instances. */
    public enum Work {
        /** Heartbeat writers: each holds a fair share of the data sources' heartbeat leases. */
        HEARTBEAT,
        /** Readiness watchers: each takes the due checks of its share of the sources. */
        WATCH
    }

    /**
     * How many instances take part in a kind of work now, as a scalar subquery. Parameters: the
     * work's name, how recently an instance must have been seen (an interval literal).
     */
    public static final String LIVE_COUNT = "(SELECT count(*) FROM instance_presence WHERE work = ? AND seen_at > now() - ?::interval)";

    /**
     * Common table expression {@code share}: this instance's slot among the live instances of a kind of
     * work, ordered by name, and their number; no row when this instance has not announced itself.
     * Parameters: the work's name, how recently seen (an interval literal), this instance's name.
     */
    public static final String SHARE = """
            share AS (
                SELECT slot, n FROM (SELECT owner, row_number() OVER (ORDER BY owner) - 1 AS slot, count(*) OVER () AS n
                                     FROM instance_presence WHERE work = ? AND seen_at > now() - ?::interval) live
                WHERE owner = ?), """;

    private InstanceRegistry() {
    }

    /** Whether a row whose key is {@code key} falls in this instance's share, by a hash of the key; every row when there is no share. */
    public static String inShare(String key) {
        return "(NOT EXISTS (SELECT 1 FROM share) OR mod(hashtext(%s::text)::bigint + 2147483648, (SELECT n FROM share)) = (SELECT slot FROM share))"
                .formatted(key);
    }

    /** Records that the instance takes part in the work now, and forgets the instances not seen for a day. */
    public static void announce(Connection connection, String instance, Work work) throws SQLException {
        Statements.update(connection, """
                INSERT INTO instance_presence (owner, work, seen_at) VALUES (?, ?, now())
                ON CONFLICT (owner, work) DO UPDATE SET seen_at = now()""", instance, work.name());
        Statements.update(connection, "DELETE FROM instance_presence WHERE seen_at < now() - interval '1 day'");
    }

    /** The instance no longer takes part in the work (it stops, or the work is turned off). */
    public static void leave(Connection connection, String instance, Work work) throws SQLException {
        Statements.update(connection, "DELETE FROM instance_presence WHERE owner = ? AND work = ?", instance, work.name());
    }
}
