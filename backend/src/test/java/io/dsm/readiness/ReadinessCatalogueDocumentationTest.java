package io.dsm.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The README's table of readiness checks is made from the catalogue, so the two cannot drift:
 * a changed check fails this test until the README is regenerated with
 * {@code ./mvnw -pl backend test -Dtest=ReadinessCatalogueDocumentationTest -Ddsm.readme.update=true}.
 */
class ReadinessCatalogueDocumentationTest {

    private static final Path README = Path.of("../README.md");
    private static final String START = "<!-- readiness-checks:start (generated from ReadinessCheck; see ReadinessCatalogueDocumentationTest) -->";
    private static final String END = "<!-- readiness-checks:end -->";

    static String table() {
        String rows = java.util.Arrays.stream(ReadinessCheck.values())
                .map(check -> "| `" + check.id() + "` | " + check.title() + " | "
                        + check.scopes().stream().map(s -> s.label().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "))
                        + " | " + check.description() + " | " + check.remedy() + " |")
                .collect(Collectors.joining("\n"));
        return START + "\n| Id | Check | Scopes | What it checks, and why | How to fix |\n|---|---|---|---|---|\n" + rows + "\n" + END;
    }

    @Test
    void listsEveryCheckOfTheCatalogueInTheReadme() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the readiness checks markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String current = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("dsm.readme.update") && !current.equals(table())) {
            Files.writeString(README, readme.substring(0, start) + table() + readme.substring(end + END.length()));
            return;
        }
        assertThat(current).as("README.md's readiness checks are stale; regenerate them with ./mvnw -pl backend test "
                + "-Dtest=ReadinessCatalogueDocumentationTest -Ddsm.readme.update=true").isEqualTo(table());
    }
}
