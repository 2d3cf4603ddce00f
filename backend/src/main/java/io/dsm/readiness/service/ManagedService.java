package io.dsm.readiness.service;

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
    String enableProcedure() {
        return switch (provider) {
            case AMAZON_RDS -> "In the DB parameter group of the instance (Aurora: of the cluster) set rds.logical_replication "
                    + "= 1, then reboot the instance (aws rds modify-db-parameter-group --parameters "
                    + "\"ParameterName=rds.logical_replication,ParameterValue=1,ApplyMethod=pending-reboot\", then "
                    + "aws rds reboot-db-instance).";
            case AZURE -> hasFlag()
                    ? "In the Azure portal, under the server's Replication settings (or az postgres server configuration "
                            + "set --name azure.replication_support --value logical), set azure.replication_support to "
                            + "logical, save, and restart the server."
                    : "In the Azure portal, under the server's Server parameters (or az postgres flexible-server parameter "
                            + "set --name wal_level --value logical), set wal_level to logical, save, and restart the server.";
            case GOOGLE_CLOUD_SQL -> "Set the database flag cloudsql.logical_decoding to on (gcloud sql instances patch "
                    + "<instance> --database-flags=cloudsql.logical_decoding=on; keep the instance's other flags in "
                    + "that list); the instance restarts.";
            case SELF_MANAGED -> "Run ALTER SYSTEM SET wal_level = logical; and restart the server.";
        };
    }

    /** How this provider changes a server parameter that needs a restart. */
    String parameterProcedure(String parameter) {
        return switch (provider) {
            case AMAZON_RDS -> "Set " + parameter + " in the DB parameter group, then reboot the instance.";
            case AZURE -> "Set " + parameter + " under the server's Server parameters in the Azure portal, then restart it.";
            case GOOGLE_CLOUD_SQL -> "Set the database flag " + parameter + " (gcloud sql instances patch --database-flags).";
            case SELF_MANAGED -> "ALTER SYSTEM SET " + parameter + " = <value>; then restart the server.";
        };
    }
}
