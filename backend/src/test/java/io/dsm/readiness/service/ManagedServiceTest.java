package io.dsm.readiness.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dsm.readiness.service.ManagedService.Provider;

class ManagedServiceTest {

    @Test
    void recognisesAmazonRdsByItsLogicalReplicationSetting() {
        ManagedService rds = ManagedService.recognise("off", null, null, null);
        assertThat(rds.provider()).isEqualTo(Provider.AMAZON_RDS);
        assertThat(rds.flagOn()).isFalse();
        assertThat(ManagedService.recognise("on", null, null, null).flagOn()).isTrue();
    }

    @Test
    void recognisesAzureSingleServerByItsReplicationSupportSetting() {
        ManagedService azure = ManagedService.recognise(null, "replica", "pg_trgm", null);
        assertThat(azure.provider()).isEqualTo(Provider.AZURE);
        assertThat(azure.flag()).isEqualTo("azure.replication_support");
        assertThat(azure.flagOn()).isFalse();
        assertThat(ManagedService.recognise(null, "logical", null, null).flagOn()).isTrue();
    }

    @Test
    void recognisesAzureFlexibleServerWhichHasNoFlagOfItsOwn() {
        ManagedService flexible = ManagedService.recognise(null, null, "pg_trgm,postgis", null);
        assertThat(flexible.provider()).isEqualTo(Provider.AZURE);
        assertThat(flexible.hasFlag()).isFalse();
        assertThat(flexible.enableProcedure().english()).contains("wal_level").contains("Server parameters");
    }

    @Test
    void recognisesGoogleCloudSqlByItsLogicalDecodingFlag() {
        ManagedService cloudSql = ManagedService.recognise(null, null, null, "off");
        assertThat(cloudSql.provider()).isEqualTo(Provider.GOOGLE_CLOUD_SQL);
        assertThat(cloudSql.enableProcedure().english()).contains("cloudsql.logical_decoding=on");
    }

    @Test
    void takesAServerWithoutProviderSettingsForSelfManaged() {
        assertThat(ManagedService.recognise(null, null, null, null).managed()).isFalse();
    }

    @Test
    void namesTheProvidersProcedureNotAlterSystem() {
        for (String[] settings : new String[][] { { "off", null, null, null }, { null, "off", null, null },
                { null, null, "x", null }, { null, null, null, "off" } }) {
            ManagedService service = ManagedService.recognise(settings[0], settings[1], settings[2], settings[3]);
            assertThat(service.enableProcedure().english()).as(service.provider().name()).doesNotContain("ALTER SYSTEM");
            assertThat(service.parameterProcedure("max_replication_slots").english()).doesNotContain("ALTER SYSTEM");
        }
    }
}
