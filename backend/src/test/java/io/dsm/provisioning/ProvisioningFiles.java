package io.dsm.provisioning;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import io.restassured.path.json.JsonPath;

/** Writes provisioning files as a deployment would (whole, at once) and reads what dsm made of them. */
final class ProvisioningFiles {

    private ProvisioningFiles() {
    }

    /** Writes the file whole: a temporary file moved into place, as kubelet and editors do. */
    static void write(String name, String yaml) {
        try {
            Path temporary = Files.writeString(Folders.provisioning().resolve("." + name + ".tmp"), yaml);
            Files.move(temporary, Folders.provisioning().resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(String name) {
        try {
            Files.deleteIfExists(Folders.provisioning().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's last apply as GET /api/provisioning shows it. */
    static Optional<Map<String, Object>> status(String name) {
        List<Map<String, Object>> files = given().get("/api/provisioning").then().statusCode(200).extract().jsonPath().getList("files");
        return files.stream().filter(file -> name.equals(file.get("file"))).findFirst();
    }

    static Map<String, Object> awaitStatus(String name, String status) {
        eventually().until(() -> status(name).map(file -> status.equals(file.get("status"))).orElse(false));
        return status(name).orElseThrow();
    }

    /** The data source with this identifier, if there is one. */
    static Optional<JsonPath> source(String identifier) {
        JsonPath page = given().queryParam("q", identifier).queryParam("size", 100).get("/api/datasources").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (identifier.equalsIgnoreCase((String) items.get(i).get("identifier"))) {
                return Optional.of(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
            }
        }
        return Optional.empty();
    }

    /** Applied within a few scans: the issue asks for a few seconds. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(150));
    }

    /** One data source entry, indented for a dataSources list, with the given extra lines. */
    static String entry(String identifier, int port, String passwordRef, String... extra) {
        StringBuilder entry = new StringBuilder()
                .append("  - identifier: ").append(identifier).append('\n')
                .append("    type: POSTGRESQL\n")
                .append("    attribute: PRIMARY\n")
                .append("    host: 127.0.0.1\n")
                .append("    port: ").append(port).append('\n')
                .append("    username: migrator\n")
                .append("    passwordRef: ").append(passwordRef).append('\n')
                .append("    databaseName: appdb\n");
        for (String line : extra) {
            entry.append("    ").append(line).append('\n');
        }
        return entry.toString();
    }

    static String file(boolean prune, String... entries) {
        return "apiVersion: dsm/v1\nprune: " + prune + "\ndataSources:" + (entries.length == 0 ? " []\n" : "\n" + String.join("", entries));
    }
}
