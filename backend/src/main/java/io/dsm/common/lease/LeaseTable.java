package io.dsm.common.lease;

/**
 * A table whose rows instances claim for a while: a key, an {@code owner} (an {@link InstanceIdentity}
 * name) and {@code lease_expires_at}. Its claim-with-lease SQL is written here once, for the heartbeat,
 * the readiness watch and the webhook outbox: a row is claimed with FOR UPDATE SKIP LOCKED, so two
 * instances never claim the same row, and an instance that dies loses its rows when their leases
 * expire. Each user keeps its own policy in the candidates and the order it passes.
 *
 * @param table the table's name
 * @param key   its key column
 */
public record LeaseTable(String table, String key) {

    /**
     * Claims rows whose lease expired (or was never given) and that meet {@code candidates}, in
     * {@code order}. Parameters, in order: those of {@code with} and {@code candidates}, then the limit,
     * the owner and the lease's length (an interval literal).
     *
     * @param with       common table expressions the candidates read, each followed by a comma, or ""
     * @param candidates a condition on the table's row {@code t}
     * @param order      which candidates first, over {@code t}
     * @param alsoSet    more assignments of the claim (", attempts = t.attempts + 1"), or ""
     * @param returning  the columns of {@code t} to return
     */
    public String claim(String with, String candidates, String order, String alsoSet, String returning) {
        return """
                WITH %3$sclaimable AS (
                    SELECT t.%2$s FROM %1$s t WHERE t.lease_expires_at < now() AND (%4$s)
                    ORDER BY %5$s LIMIT ? FOR UPDATE OF t SKIP LOCKED)
                UPDATE %1$s t SET owner = ?, lease_expires_at = now() + ?::interval%6$s
                FROM claimable c WHERE t.%2$s = c.%2$s
                RETURNING %7$s""".formatted(table, key, with, candidates, order, alsoSet, returning);
    }

    /** Extends every lease of an owner. Parameters: the lease's length, the owner. Returns the keys. */
    public String renew() {
        return "UPDATE %1$s SET lease_expires_at = now() + ?::interval WHERE owner = ? RETURNING %2$s".formatted(table, key);
    }

    /** Whether the owner still holds the row's lease; locks the row when {@code lock}. Parameters: the key, the owner. */
    public String holds(boolean lock) {
        return "SELECT 1 FROM %1$s WHERE %2$s = ? AND owner = ? AND lease_expires_at > now()%3$s"
                .formatted(table, key, lock ? " FOR UPDATE" : "");
    }

    /**
     * Stores what the owner did with a row it still holds and ends the claim. Parameters: those of
     * {@code assignments}, then the key and the owner.
     *
     * @param assignments what to store ("delivered_at = now()"); may read the row's owner before it is cleared
     * @param also        a further condition on the row, or ""
     */
    public String settle(String assignments, String also) {
        return "UPDATE %1$s SET %3$s, owner = NULL, lease_expires_at = '-infinity' WHERE %2$s = ? AND owner = ?%4$s"
                .formatted(table, key, assignments, also);
    }

    /** Gives up the owner's rows that meet {@code also} ("" for all), for another instance to claim at once. Parameter: the owner. */
    public String releaseAll(String also) {
        return "UPDATE %1$s SET owner = NULL, lease_expires_at = '-infinity' WHERE owner = ?%2$s".formatted(table, also);
    }

    /** Gives up the owner's last rows in {@code order}, at most a given number. Parameters: the owner, the number. Returns the keys. */
    public String giveUp(String order) {
        return """
                UPDATE %1$s SET owner = NULL, lease_expires_at = '-infinity'
                WHERE %2$s IN (SELECT %2$s FROM %1$s WHERE owner = ? ORDER BY %3$s LIMIT ?)
                RETURNING %2$s""".formatted(table, key, order);
    }
}
