package io.dsm.readiness.service;

/**
 * What the connection test already read about the server and the user, so that readiness does not
 * read it again.
 *
 * @param replicationAttribute    the user's own REPLICATION attribute (superusers count), never one
 *                                inherited from a role it is a member of
 * @param providerReplicationRole membership in Amazon RDS's rds_replication, which replicates without the attribute
 * @param bypassRls               the user's BYPASSRLS attribute (false before PostgreSQL 9.5)
 * @param connectionLimit         the role's CONNECTION LIMIT; -1 for none
 * @param passwordExpiry          when the role's password stops working (VALID UNTIL), or null when it never does
 */
public record ServerBasics(String version, boolean inRecovery, String walLevel, boolean superuser,
        boolean replicationAttribute, boolean providerReplicationRole, boolean createOnDatabase, boolean bypassRls,
        int connectionLimit, PasswordExpiry passwordExpiry) {

    /**
     * @param secondsLeft until the password expires, by the server's clock; negative once it has
     * @param at          the moment, as the server prints it in the session's time zone
     */
    public record PasswordExpiry(long secondsLeft, String at) {
    }
}
