package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentCreateTest extends ApiTest {

    @Test
    void twentyConcurrentCreatesOfOneIdentifierGiveExactlyOneCreated() throws Exception {
        String identifier = uniqueIdentifier("race");
        int writers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                // Vary the case: uniqueness ignores it, so these all claim the same identifier.
                DataSourceBody body = primary(i % 2 == 0 ? identifier : identifier.toUpperCase());
                Callable<Integer> create = () -> {
                    start.await();
                    return given().body(body).post("/api/datasources").statusCode();
                };
                statuses.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).filteredOn(s -> s == 201).hasSize(1);
            assertThat(answered).filteredOn(s -> s == 409).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/datasources?q=" + identifier).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }
}
