package io.dsm.readiness.service;

import java.util.EnumSet;
import java.util.Set;

import io.dsm.datasource.DatabaseAttribute;
import io.dsm.readiness.ReadinessScope;

/**
 * Which scopes an endpoint serves, as OMS splits the work: incremental sync reads the primary; a
 * pair's schema and full migration read its standby; a standby-only source or a Greenplum segment
 * serves full migration only.
 */
public final class ServedScopes {

    private ServedScopes() {
    }

    /** The scopes the data source serves at all. */
    public static Set<ReadinessScope> of(DatabaseAttribute attribute) {
        return attribute.acceptsHeartbeat() ? EnumSet.allOf(ReadinessScope.class) : EnumSet.of(ReadinessScope.FULL_MIGRATION);
    }

    /**
     * @param standbyEndpoint whether this is the standby of a pair
     * @param pairHasStandby  whether the pair's standby is tested too (else the primary serves both)
     */
    public static Set<ReadinessScope> ofEndpoint(DatabaseAttribute attribute, boolean standbyEndpoint, boolean pairHasStandby) {
        if (standbyEndpoint) {
            return EnumSet.of(ReadinessScope.FULL_MIGRATION);
        }
        if (attribute == DatabaseAttribute.PRIMARY_STANDBY && pairHasStandby) {
            return EnumSet.of(ReadinessScope.INCREMENTAL_SYNC);
        }
        return of(attribute);
    }
}
