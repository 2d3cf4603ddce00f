package io.dsm.provisioning.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** YAML that would make a parser recurse or allocate without end fails as one file, with its line, in bounded memory. */
@QuarkusTest
class ProvisioningParserBoundsTest {

    private static final String ENTRY = "identifier: bounded01, type: POSTGRESQL, attribute: PRIMARY, host: 10.0.12.7, port: 5432, "
            + "username: migrator, passwordRef: 'env:DSM_SOURCE_BOUNDED', databaseName: orders";

    @Inject
    ProvisioningParser parser;

    private ParsedFile parse(String yaml) {
        return parser.parse("bounds.yaml", yaml.getBytes(StandardCharsets.UTF_8), "c0ffee");
    }

    @Test
    void refusesAnAliasInsideTheMappingItNamesAtTheLineOfItsAnchor() {
        ParsedFile file = parse("""
                apiVersion: dsm/v1
                dataSources:
                  - &loop
                    identifier: loop01
                    remarks: *loop
                """);

        assertThat(ShownError.of(file)).containsExactly(new ShownError(3, null,
                "contains an alias to itself (an *alias inside the &anchor it names), which never ends"));
    }

    @Test
    void refusesAnAliasInsideTheListItNames() {
        ParsedFile file = parse("apiVersion: dsm/v1\ndataSources: &list\n  - {" + ENTRY + ", remarks: *list}\n");

        assertThat(file.valid()).isFalse();
        assertThat(ShownError.of(file)).extracting(ShownError::message).containsExactly(
                "contains an alias to itself (an *alias inside the &anchor it names), which never ends");
    }

    @Test
    void refusesNestedAliasesThatExpandBeyondTheLimitQuicklyAndWithoutFillingTheHeap() {
        // Nine aliases, under SnakeYAML's limit of ten: 40,000 values used 27 times over.
        StringBuilder yaml = new StringBuilder("apiVersion: dsm/v1\nlaugh: &a [");
        yaml.append("ha,".repeat(40_000)).append("ha]\n");
        yaml.append("laughs: &b [*a, *a, *a]\nmore: &c [*b, *b, *b]\nmost: &d [*c, *c, *c]\n");
        yaml.append("dataSources:\n  - {").append(ENTRY).append(", remarks: *d}\n");
        assertThat(yaml.length()).isLessThan(ProvisioningParser.MAX_BYTES);

        long before = allocatedByThisThread();
        ParsedFile file = parse(yaml.toString());
        long allocated = allocatedByThisThread() - before;

        assertThat(ShownError.of(file)).extracting(ShownError::message)
                .contains("holds more than " + PlainValues.MAX_VALUES + " values (an alias counts each time it is used)");
        assertThat(allocated).as("bytes allocated to parse a file of %d bytes", yaml.length()).isLessThan(200L * 1024 * 1024);
    }

    @Test
    void refusesNestingDeeperThanTheLimitAtTheLineWhereItGoesBeyond() {
        // The document is level 1 and deep: [ on line 2 level 2, so the 50th [ (line 51) is level 51.
        ParsedFile file = parse("apiVersion: dsm/v1\ndeep: " + "[\n".repeat(10_000) + "]".repeat(10_000) + "\ndataSources: []\n");

        assertThat(ShownError.of(file)).containsExactly(new ShownError(51, null, "nests deeper than 50 levels (aliases included)"));
    }

    @Test
    void refusesNestingDeeperThanTheLimitThroughAliasesEachWithinIt() {
        String deep = "[".repeat(30) + "x" + "]".repeat(30);
        ParsedFile file = parse("apiVersion: dsm/v1\nshared: &a " + deep + "\nmore: &b [" + deep.replace("x", "*a") + "]\n"
                + "dataSources:\n  - {" + ENTRY + ", remarks: *b}\n");

        assertThat(ShownError.of(file)).containsExactly(new ShownError(2, null, "nests deeper than 50 levels (aliases included)"));
    }

    @Test
    void refusesMoreValuesThanTheLimitWhileComposingAtTheLineWhereItGoesBeyond() {
        // 150,000 one-character values: 300 KB, within the size limit, but about 40 MB of nodes.
        ParsedFile file = parse("apiVersion: dsm/v1\ndataSources: []\nmany:\n" + "- 1\n".repeat(150_000));

        // Six nodes come before the items (the top mapping, its keys and values so far, the list): the 100,001st is item 99,994.
        assertThat(ShownError.of(file)).containsExactly(new ShownError(3 + 99_994, null,
                "holds more than " + PlainValues.MAX_VALUES + " values (an alias counts each time it is used)"));
    }

    @Test
    void acceptsAnAliasThatSharesSettingsBetweenDataSources() {
        ParsedFile file = parse("""
                apiVersion: dsm/v1
                dataSources:
                  - identifier: shared01
                    type: POSTGRESQL
                    attribute: PRIMARY
                    host: 10.0.12.7
                    port: 5432
                    username: migrator
                    passwordRef: env:DSM_SOURCE_SHARED
                    databaseName: orders
                    tls: &tls {mode: require}
                  - identifier: shared02
                    type: POSTGRESQL
                    attribute: PRIMARY
                    host: 10.0.12.8
                    port: 5432
                    username: migrator
                    passwordRef: env:DSM_SOURCE_SHARED
                    databaseName: orders
                    tls: *tls
                """);

        assertThat(file.errors()).isEmpty();
        assertThat(file.sources()).hasSize(2);
    }

    @Test
    void listsAtMostAHundredErrorsAndCountsTheRest() {
        StringBuilder yaml = new StringBuilder("apiVersion: dsm/v1\ndataSources:\n  - {").append(ENTRY);
        for (int i = 0; i < 5_000; i++) {
            yaml.append(", colour").append(i).append(": blue");
        }
        ParsedFile file = parse(yaml.append("}\n").toString());

        assertThat(file.errors()).hasSize(ProvisioningParser.MAX_ERRORS);
        assertThat(ShownError.of(file).get(ProvisioningParser.MAX_ERRORS - 1).message()).isEqualTo("has 4901 more errors, not listed");
    }

    @Test
    void showsAnOverlongUnknownKeyCutInItsField() {
        String key = "k".repeat(10_000);
        // An explicit key (?): YAML allows plain keys of at most 1024 characters.
        ParsedFile file = parse("apiVersion: dsm/v1\ndataSources:\n  - " + ENTRY.replace(", ", "\n    ") + "\n    ? " + key
                + "\n    : 1\n");

        assertThat(ShownError.of(file)).containsExactly(new ShownError(12, "dataSources[0]." + "k".repeat(64) + "…",
                "is not a field of a data source"));
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
