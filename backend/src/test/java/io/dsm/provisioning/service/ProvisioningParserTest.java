package io.dsm.provisioning.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What a provisioning file means is what it says: nothing in it is silently dropped. */
@QuarkusTest
class ProvisioningParserTest {

    @Inject
    ProvisioningParser parser;

    @Test
    void refusesAKeyRepeatedInOneDataSourceAtTheLineOfItsSecondUse() {
        ParsedFile file = parser.parse("repeated.yaml", """
                apiVersion: dsm/v1
                dataSources:
                  - identifier: repeat01
                    type: POSTGRESQL
                    attribute: PRIMARY
                    host: 10.0.12.7
                    port: 5432
                    host: 10.0.12.8
                    username: migrator
                    passwordRef: 'env:DSM_SOURCE_REPEAT'
                    databaseName: orders
                """.getBytes(StandardCharsets.UTF_8), "c0ffee");

        assertThat(file.valid()).isFalse();
        assertThat(ShownError.of(file)).containsExactly(new ShownError(8, null,
                "repeats the key host in one mapping; YAML keeps only one of them, so the file would not say what it seems to"));
    }

    @Test
    void acceptsTheSameKeyInTwoDataSources() {
        ParsedFile file = parser.parse("twins.yaml", """
                apiVersion: dsm/v1
                dataSources:
                  - {identifier: twin01, type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.7, port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_TWIN', databaseName: orders}
                  - {identifier: twin02, type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.8, port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_TWIN', databaseName: orders}
                """.getBytes(StandardCharsets.UTF_8), "c0ffee");

        assertThat(file.errors()).isEmpty();
    }

    @Test
    void acceptsIdentifiersWithHyphensAndUnderscores() {
        ParsedFile file = parser.parse("hyphens.yaml", """
                apiVersion: dsm/v1
                dataSources:
                  - {identifier: pg-hz-01, type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.7, port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_PG_HZ_01', databaseName: orders}
                  - {identifier: orders_prod, type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.8, port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_ORDERS_PROD', databaseName: orders}
                """.getBytes(StandardCharsets.UTF_8), "c0ffee");

        assertThat(file.errors()).isEmpty();
        assertThat(file.sources()).extracting(DeclaredSource::identifier).containsExactly("pg-hz-01", "orders_prod");
    }

    @Test
    void refusesAMalformedIdentifierAtItsLineWithTheRuleOfTheApi() {
        ParsedFile file = parser.parse("spaced.yaml", """
                apiVersion: dsm/v1
                dataSources:
                  - identifier: pg hz 01
                    type: POSTGRESQL
                    attribute: PRIMARY
                    host: 10.0.12.7
                    port: 5432
                    username: migrator
                    passwordRef: 'env:DSM_SOURCE_PG_HZ_01'
                    databaseName: orders
                """.getBytes(StandardCharsets.UTF_8), "c0ffee");

        assertThat(file.valid()).isFalse();
        assertThat(ShownError.of(file)).containsExactly(new ShownError(3, "dataSources[0].identifier",
                "must be 1 to 32 ASCII letters, digits, underscores (_) or hyphens (-), without spaces"));
    }
}
