package io.dsm.provisioning.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.test.junit.QuarkusTest;

/** Two instances that see the same file at the same moment: one applies it, the other finds nothing left to do. */
@QuarkusTest
class TwoInstancesApplyTest extends ApiTest {

    @Inject
    ProvisioningParser parser;

    @Inject
    FileApplier applier;

    @Test
    void appliesAFileOnceWhenTwoInstancesApplyItAtTheSameMoment() throws Exception {
        String prefix = DataSources.uniqueIdentifier("twin");
        StringBuilder yaml = new StringBuilder("apiVersion: dsm/v1\ndataSources:\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("  - {identifier: ").append(prefix).append(i).append(", type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.7, ")
                    .append("port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_TWIN', databaseName: orders}\n");
        }
        ParsedFile file = parser.parse("twins.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8), "c0ffee");
        assertThat(file.errors()).isEmpty();

        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FileApplier.Result>> results = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            results.add(instances.submit(() -> {
                start.await();
                return applier.apply(file, instance, List.of());
            }));
        }
        start.countDown();
        List<FileApplier.Result> outcomes = new ArrayList<>();
        for (Future<FileApplier.Result> result : results) {
            outcomes.add(result.get());
        }
        instances.shutdown();

        assertThat(outcomes).containsOnlyOnce(FileApplier.Result.APPLIED).doesNotContain(FileApplier.Result.FAILED);
        assertThat(given().queryParam("q", prefix).get("/api/datasources").then().statusCode(200).extract().jsonPath()
                .getList("items.provisionedBy", String.class)).hasSize(5).containsOnly("twins.yaml");
        assertThat(given().queryParam("action", "DATA_SOURCE_CREATED").queryParam("actor", "provisioning:twins.yaml")
                .queryParam("size", 100).get("/api/audit").then().statusCode(200).extract().jsonPath().getList("items"))
                .hasSize(5);
    }
}
