package io.dsm.provisioning.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.i18n.StoredTexts;
import io.dsm.common.concurrent.BackgroundThreads;
import io.agroal.api.AgroalDataSource;
import io.dsm.acceptance.service.AcceptanceRules;
import io.dsm.datasource.service.DataSourceRules;
import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A provisioning file written to hurt fails alone: an instance starting with it in the folder starts,
 * applies the good file beside it, shows the bad file's error in GET /api/provisioning, and keeps
 * looking at the folder.
 */
@QuarkusTest
class HostileProvisioningFilesTest extends ApiTest {

    private static final long HUGE = 300L * 1024 * 1024;

    @Inject
    ProvisioningParser parser;

    @Inject
    DataSourceRules rules;

    @Inject
    AcceptanceRules acceptanceRules;

    @Inject
    FileApplier applier;

    @Inject
    BackgroundThreads threads;

    @Inject
    AgroalDataSource store;

    @Inject
    ObjectMapper json;

    @Inject
    @StoredTexts
    ObjectMapper texts;

    @TempDir
    Path root;

    Path folder;
    String calm;
    final List<ProvisioningScanner> started = new ArrayList<>();

    @BeforeEach
    void aFolderWithAGoodFile() throws IOException {
        folder = Files.createDirectory(root.resolve("provisioning"));
        calm = DataSources.uniqueIdentifier("calm");
        Files.writeString(folder.resolve(calm + ".yaml"), good(calm));
    }

    @AfterEach
    void stopAndForgetTheFiles() throws IOException {
        started.forEach(scanner -> scanner.onStop(new ShutdownEvent()));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".yaml")).toList()) {
                Files.delete(file);
            }
        }
        // Gone with prune: true, so their data sources are removed and their statuses say REMOVED.
        scanner(parser).scan();
    }

    @Test
    void startsWithARecursiveAliasBesideAGoodFileAndSaysWhereItIs() throws IOException {
        String loop = write("loop", "apiVersion: dsm/v1\ndataSources:\n  - &loop\n    identifier: loop01\n    remarks: *loop\n");

        start();

        assertApplied(calm);
        assertThat(errors(loop)).containsExactly(error(3, "contains an alias to itself (an *alias inside the &anchor it names), which never ends"));
    }

    @Test
    void startsWithNestedAliasesThatWouldFillTheHeapBesideAGoodFile() throws IOException {
        String laughs = write("laughs", "apiVersion: dsm/v1\nlaugh: &a [" + "ha,".repeat(40_000) + "ha]\n"
                + "laughs: &b [*a, *a, *a]\nmore: &c [*b, *b, *b]\nmost: &d [*c, *c, *c]\n"
                + "dataSources:\n  - {identifier: laughs01, remarks: *d}\n");

        start();

        assertApplied(calm);
        assertThat(errors(laughs)).extracting(error -> error.get("message"))
                .contains("holds more than " + PlainValues.MAX_VALUES + " values (an alias counts each time it is used)");
    }

    @Test
    void startsWithA300MegabyteFileBesideAGoodFileWithoutReadingIt() throws IOException {
        String huge = hugeFileAt(folder.resolve("huge-" + calm + ".yaml"));

        long allocated = allocatedWhile(this::start);

        assertApplied(calm);
        assertThat(errors(huge)).containsExactly(error(null, "is " + HUGE + " bytes, over the limit of 1048576 bytes"));
        assertThat(allocated).as("bytes allocated by a start-up look at a folder holding a 300 MB file").isLessThan(HUGE / 4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "provisioning/..data | is " + HUGE + " bytes, over the limit of 1048576 bytes",
            "elsewhere | leads out of DSM_PROVISIONING_DIR (through a link)" })
    void startsWithALinkToAHugeFileWithoutReadingIt(String where, String why) throws IOException {
        Path target = Files.createDirectories(root.resolve(where)).resolve("huge.yaml");
        hugeFileAt(target);
        String link = linkAt("link-" + calm + ".yaml", target);

        long allocated = allocatedWhile(this::start);

        assertApplied(calm);
        assertThat(errors(link)).containsExactly(error(null, why));
        assertThat(allocated).isLessThan(HUGE / 4);
    }

    @Test
    void appliesAFileThatALinkInsideTheFolderPointsToAsAConfigMapMountsIt() throws IOException {
        Path data = Files.createDirectory(folder.resolve("..2026_12_07_06_00_00.123"));
        String mounted = DataSources.uniqueIdentifier("mounted");
        Files.writeString(data.resolve(mounted + ".yaml"), good(mounted));
        Files.createSymbolicLink(folder.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(folder.resolve(mounted + ".yaml"), Path.of("..data", mounted + ".yaml"));

        start();

        assertApplied(mounted);
    }

    @ParameterizedTest
    @ValueSource(classes = { StackOverflowError.class, NoClassDefFoundError.class, AssertionError.class, IllegalStateException.class })
    void aFileThatMakesParsingThrowFailsAloneWithAMessageThatNamesNoClass(Class<? extends Throwable> thrown) throws IOException {
        String odd = write("odd", good("odd01"));
        ProvisioningParser throwing = parserThatThrows(odd, () -> {
            try {
                return thrown.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });

        start(scanner(throwing));

        assertApplied(calm);
        assertThat(errors(odd)).containsExactly(error(null, "could not be applied because of an unexpected error; dsm's log has the details"));
    }

    @Test
    void keepsLookingAtTheFolderAfterTheHeapRanOutDuringALook() throws IOException {
        String pressed = write("a-pressed", good(DataSources.uniqueIdentifier("pressed")));
        AtomicBoolean once = new AtomicBoolean();
        // The heap running out is not the file's fault: the look ends, and the next one applies the file.
        start(scanner(parserThatThrows(pressed, () -> once.getAndSet(true) ? null : new OutOfMemoryError("Java heap space"))));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(pressed).map(file -> file.get("status"))
                .filter("APPLIED"::equals).isPresent());
        assertApplied(calm);
    }

    @Test
    void keepsLookingAtTheFolderAfterAHostileFile() throws IOException {
        write("loop", "apiVersion: dsm/v1\ndataSources: &list\n  - {identifier: loop02, remarks: *list}\n");
        start();

        String later = DataSources.uniqueIdentifier("later");
        Files.writeString(folder.resolve(later + ".yaml"), good(later));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(later + ".yaml").map(file -> file.get("status"))
                .filter("APPLIED"::equals).isPresent());
    }

    @Test
    void startsAgainWithTheHostileFilesStillThere() throws IOException {
        String loop = write("loop", "apiVersion: dsm/v1\ndataSources: &list\n  - {identifier: loop03, remarks: *list}\n");
        String huge = hugeFileAt(folder.resolve("huge-" + calm + ".yaml"));
        start();
        started.get(0).onStop(new ShutdownEvent());
        Object loopCheckedAt = status(loop).orElseThrow().get("checkedAt");

        start();

        assertApplied(calm);
        assertThat(status(loop).orElseThrow()).containsEntry("status", "FAILED").doesNotContainEntry("checkedAt", loopCheckedAt);
        assertThat(status(huge).orElseThrow()).containsEntry("status", "FAILED");
    }

    /** A parser that throws what {@code thrown} gives (nothing: it parses) when it parses the file {@code name}. */
    private ProvisioningParser parserThatThrows(String name, Supplier<Throwable> thrown) {
        return new ProvisioningParser(rules, acceptanceRules, json) {
            @Override
            ParsedFile parse(String file, byte[] bytes, String checksum) {
                Throwable throwable = file.equals(name) ? thrown.get() : null;
                if (throwable instanceof Error error) {
                    throw error;
                }
                if (throwable instanceof RuntimeException exception) {
                    throw exception;
                }
                return super.parse(file, bytes, checksum);
            }
        };
    }

    private ProvisioningScanner scanner(ProvisioningParser using) {
        return new ProvisioningScanner(Optional.of(folder), Duration.ofMillis(200), using, applier, store, texts, "another-instance", threads);
    }

    private void start() {
        start(scanner(parser));
    }

    /** As Quarkus starts an instance: its start-up look first, then one every 200 ms. */
    private void start(ProvisioningScanner scanner) {
        started.add(scanner);
        scanner.onStart(new StartupEvent());
    }

    private String write(String prefix, String yaml) throws IOException {
        String name = prefix + "-" + calm + ".yaml";
        Files.writeString(folder.resolve(name), yaml);
        return name;
    }

    private String linkAt(String name, Path target) throws IOException {
        Files.createSymbolicLink(folder.resolve(name), target);
        return name;
    }

    /** A file of 300 MB that takes no room: its length set, nothing written. */
    private static String hugeFileAt(Path file) throws IOException {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(HUGE);
        }
        return file.getFileName().toString();
    }

    private static String good(String identifier) {
        return "apiVersion: dsm/v1\nprune: true\ndataSources:\n  - {identifier: " + identifier + ", type: POSTGRESQL, attribute: PRIMARY, "
                + "host: 10.0.12.7, port: 5432, username: migrator, passwordRef: 'env:DSM_SOURCE_CALM', databaseName: orders}\n";
    }

    private static void assertApplied(String identifier) {
        assertThat(status(identifier + ".yaml").orElseThrow()).containsEntry("status", "APPLIED").containsEntry("dataSources", 1);
    }

    private static Map<String, Object> error(Integer line, String message) {
        Map<String, Object> error = new HashMap<>();
        error.put("line", line);
        error.put("field", null);
        error.put("message", message);
        return error;
    }

    /** A file's errors as GET /api/provisioning shows them. */
    private static List<Map<String, Object>> errors(String name) {
        Map<String, Object> file = status(name).orElseThrow();
        assertThat(file).containsEntry("status", "FAILED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) file.get("errors");
        return errors;
    }

    private static Optional<Map<String, Object>> status(String name) {
        List<Map<String, Object>> files = given().get("/api/provisioning").then().statusCode(200).extract().jsonPath().getList("files");
        return files.stream().filter(file -> name.equals(file.get("file"))).findFirst();
    }

    private static long allocatedWhile(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
