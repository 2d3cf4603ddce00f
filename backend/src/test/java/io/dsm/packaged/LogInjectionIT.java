package io.dsm.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged app's log, read as an operator's log shipper reads it: one record, one line. */
class LogInjectionIT {

    // short enough to fit, after "migrator" and a line break, in a username of at most 63 characters
    private static final String FORGED = "06:00:00.000 INFO  [io.ds.au.forged] admin signed in";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void escapesLineBreaksInAUserNameAndAProvisioningFileNameSoNoLineIsForged(@TempDir Path dir) throws Exception {
        Path provisioning = Files.createDirectories(dir.resolve("provisioning"));
        Files.writeString(provisioning.resolve("bad\n" + FORGED + ".yaml"), "dataSources: [");
        Path log = dir.resolve("app.log");
        try (PackagedApp app = PackagedApp.start(dir.resolve("data"), log, Map.of("DSM_PROVISIONING_DIR", provisioning.toString(), "DSM_TEST_WARM_UP", "0"))) {
            HttpResponse<String> tested = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/datasources/test-connection"))
                    .header("Authorization", PackagedApp.adminAuthorization()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"type": "POSTGRESQL", "attribute": "PRIMARY", "host": "127.0.0.1", "port": 1,
                             "username": "migrator\\n%s", "password": "x", "databaseName": "orders"}""".formatted(FORGED)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> app.output().contains("was not applied")
                    && app.output().contains("Connection test of"));
            assertThat(app.output().lines()).as("a line that only a forged value could have started")
                    .noneMatch(line -> line.startsWith(FORGED));
            assertThat(app.output()).contains("migrator\\n" + FORGED).contains("bad\\n" + FORGED);
        }
    }
}
