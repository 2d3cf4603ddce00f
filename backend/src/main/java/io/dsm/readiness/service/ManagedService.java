package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;

/**
 * The managed PostgreSQL service a server belongs to, recognised from settings only that service
 * defines, and the state of the flag with which it switches logical decoding on.
 *
 * @param flag      the provider's flag, or null where the provider has none (Azure Flexible Server)
 * @param flagValue the flag's value as SHOW prints it
 */
record ManagedService(Provider provider, String flag, String flagValue) {

    enum Provider {
        SELF_MANAGED("a self-managed server"),
        AMAZON_RDS("Amazon RDS / Aurora"),
        AZURE("Azure Database for PostgreSQL"),
        GOOGLE_CLOUD_SQL("Google Cloud SQL");

        final String label;

        Provider(String label) {
            this.label = label;
        }
    }

    static final ManagedService SELF_MANAGED = new ManagedService(Provider.SELF_MANAGED, null, null);

    static ManagedService recognise(String rdsLogicalReplication, String azureReplicationSupport, String azureExtensions,
            String cloudSqlLogicalDecoding) {
        if (rdsLogicalReplication != null) {
            return new ManagedService(Provider.AMAZON_RDS, "rds.logical_replication", rdsLogicalReplication);
        }
        if (azureReplicationSupport != null) {
            return new ManagedService(Provider.AZURE, "azure.replication_support", azureReplicationSupport);
        }
        if (azureExtensions != null) {
            return new ManagedService(Provider.AZURE, null, null);
        }
        if (cloudSqlLogicalDecoding != null) {
            return new ManagedService(Provider.GOOGLE_CLOUD_SQL, "cloudsql.logical_decoding", cloudSqlLogicalDecoding);
        }
        return SELF_MANAGED;
    }

    boolean managed() {
        return provider != Provider.SELF_MANAGED;
    }

    boolean hasFlag() {
        return flag != null;
    }

    boolean flagOn() {
        return switch (provider) {
            case AZURE -> "logical".equalsIgnoreCase(flagValue);
            case AMAZON_RDS, GOOGLE_CLOUD_SQL -> "on".equalsIgnoreCase(flagValue) || "1".equals(flagValue);
            case SELF_MANAGED -> true;
        };
    }

    /** How this provider switches logical decoding on: its procedure, never ALTER SYSTEM, which it refuses. */
    Text enableProcedure() {
        return Text.of(switch (provider) {
            case AMAZON_RDS -> "managed.enable.rds";
            case AZURE -> hasFlag() ? "managed.enable.azureSingle" : "managed.enable.azureFlexible";
            case GOOGLE_CLOUD_SQL -> "managed.enable.cloudSql";
            case SELF_MANAGED -> "managed.enable.selfManaged";
        });
    }

    /** How this provider changes a server parameter that needs a restart. */
    Text parameterProcedure(String parameter) {
        return Text.of(switch (provider) {
            case AMAZON_RDS -> "managed.parameter.rds";
            case AZURE -> "managed.parameter.azure";
            case GOOGLE_CLOUD_SQL -> "managed.parameter.cloudSql";
            case SELF_MANAGED -> "managed.parameter.selfManaged";
        }, parameter);
    }
}
