package io.dsm.readiness.service;

/**
 * What the connection test already read about the server and the user, so that readiness does not
 * read it again.
 *
 * @param replicationAttribute    the user's own REPLICATION attribute (superusers count), never one
 *                                inherited from a role it is a member of
 * @param providerReplicationRole membership in Amazon RDS's rds_replication, which replicates without the attribute
 */
public record ServerBasics(String version, boolean inRecovery, String walLevel, boolean superuser,
        boolean replicationAttribute, boolean providerReplicationRole, boolean createOnDatabase) {
}
