package io.dsm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A linter for the two Dockerfiles, for what hadolint would catch and what this project promises:
 * pinned base images, a non-root final stage with a HEALTHCHECK, sources that exist in the build
 * context (the repository root), no secrets baked in.
 */
class DockerfilesTest {

    /** name:tag[@sha256:digest] with an exact version in the tag (a number with a dot), or a digest. */
    private static final Pattern PINNED = Pattern.compile(
            "(?<name>[a-z0-9./_-]+)(:(?<tag>[A-Za-z0-9._-]+))?(@sha256:(?<digest>[0-9a-f]{64}))?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY\\b).*");

    record Instruction(String keyword, String arguments, int line) {
    }

    record Stage(String image, String alias, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "backend/Dockerfile", "frontend/Dockerfile" })
    void pinsEveryBaseImageToAnExactVersion(String dockerfile) {
        List<Stage> stages = stages(dockerfile);
        assertThat(stages).as(dockerfile + " is a multi-stage build").hasSizeGreaterThanOrEqualTo(2);
        Set<String> aliases = new HashSet<>();
        for (Stage stage : stages) {
            if (!aliases.contains(stage.image())) {
                Matcher image = PINNED.matcher(stage.image());
                assertThat(image.matches()).as(dockerfile + ": FROM " + stage.image()).isTrue();
                String tag = image.group("tag");
                boolean digest = image.group("digest") != null;
                assertThat(digest || tag != null).as(dockerfile + ": FROM " + stage.image() + " names a tag or digest").isTrue();
                if (tag != null) {
                    assertThat(tag).as(dockerfile + ": FROM " + stage.image()).isNotEqualTo("latest")
                            .matches(t -> digest || t.matches(".*\\d+\\.\\d+.*"), "an exact version (major.minor at least)");
                }
            }
            if (stage.alias() != null) {
                aliases.add(stage.alias());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "backend/Dockerfile", "frontend/Dockerfile" })
    void runsTheFinalStageAsANonRootUserWithAHealthcheck(String dockerfile) {
        Stage last = stages(dockerfile).get(stages(dockerfile).size() - 1);
        List<Instruction> users = last.all("USER");
        assertThat(users).as(dockerfile + ": the final stage sets USER").isNotEmpty();
        String user = users.get(users.size() - 1).arguments().trim();
        String name = user.split(":")[0];
        assertThat(name).as(dockerfile + ": USER " + user).isNotIn("root", "0");
        assertThat(name).as(dockerfile + ": a numeric uid, so that Kubernetes can verify runAsNonRoot").matches("[1-9][0-9]*");
        List<Instruction> healthchecks = last.all("HEALTHCHECK");
        assertThat(healthchecks).as(dockerfile + ": the final stage has a HEALTHCHECK").hasSize(1);
        assertThat(healthchecks.get(0).arguments()).contains("CMD").doesNotContain("NONE");
        for (String keyword : List.of("ENTRYPOINT", "CMD")) {
            last.all(keyword).forEach(i -> assertThat(i.arguments().trim()).as(dockerfile + ": " + keyword + " in exec form")
                    .startsWith("["));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "backend/Dockerfile", "frontend/Dockerfile" })
    void copiesOnlyWhatExistsAndBakesInNoSecret(String dockerfile) {
        for (Stage stage : stages(dockerfile)) {
            for (Instruction instruction : stage.instructions()) {
                switch (instruction.keyword()) {
                    case "ADD" -> throw new AssertionError(dockerfile + ":" + instruction.line() + ": use COPY (ADD fetches URLs and unpacks archives)");
                    case "COPY" -> {
                        if (!instruction.arguments().contains("--from=")) {
                            List<String> words = new ArrayList<>(List.of(instruction.arguments().trim().split("\\s+")));
                            words.removeIf(w -> w.startsWith("--"));
                            for (String source : words.subList(0, words.size() - 1)) {
                                assertThat(Repo.file(source)).as(dockerfile + ":" + instruction.line() + ": COPY " + source
                                        + " (relative to the build context, the repository root)").exists();
                            }
                        }
                    }
                    case "ENV", "ARG" -> {
                        for (String word : instruction.arguments().trim().split("\\s+")) {
                            String variable = word.split("=")[0];
                            assertThat(SECRET_NAME.matcher(variable).matches()).as(dockerfile + ":" + instruction.line()
                                    + ": " + variable + " would bake a secret into the image").isFalse();
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void buildsTheBackendWithTheWrapperAndTheConsoleInside() {
        List<Stage> stages = stages("backend/Dockerfile");
        String text = String.join("\n", stages.stream().flatMap(s -> s.instructions().stream())
                .map(i -> i.keyword() + " " + i.arguments()).toList());
        assertThat(text).containsPattern("RUN (--mount=\\S+ )?npm ci").contains("RUN npm run build")
                .containsPattern("COPY --from=\\w+ /src/frontend/dist frontend/dist")
                .containsPattern("RUN (--mount=\\S+ )?\\./mvnw .*package");
        Stage runtime = stages.get(stages.size() - 1);
        assertThat(runtime.image()).startsWith("eclipse-temurin:17.").endsWith("-jre-noble");
        assertThat(runtime.all("HEALTHCHECK").get(0).arguments()).contains("/q/health/ready");
        assertThat(runtime.all("ENTRYPOINT").get(0).arguments()).contains("quarkus-run.jar");
        assertThat(runtime.all("EXPOSE").get(0).arguments().trim()).isEqualTo("8080");
    }

    @Test
    void servesTheConsoleWithNginxProxyingTheApiAndQuarkusEndpoints() throws Exception {
        List<Stage> stages = stages("frontend/Dockerfile");
        Stage runtime = stages.get(stages.size() - 1);
        assertThat(runtime.image()).startsWith("nginxinc/nginx-unprivileged:");
        assertThat(runtime.all("EXPOSE").get(0).arguments().trim()).isEqualTo("8080");
        String nginx = Files.readString(Repo.file("frontend/nginx/default.conf.template"));
        assertThat(nginx).contains("listen 8080;")
                .containsPattern("location /api/ \\{\\s*proxy_pass \\$dsm_backend;")
                .containsPattern("location /q/ \\{\\s*proxy_pass \\$dsm_backend;")
                .contains("set $dsm_backend ${DSM_BACKEND_URL};")
                .contains("resolver ${NGINX_LOCAL_RESOLVERS}")
                .contains("try_files $uri $uri/ /index.html;")
                .contains("proxy_set_header Host $http_host;")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("$proxy_add_x_forwarded_for");
        // The console served by nginx gets the Content-Security-Policy the backend gives it.
        String backendCsp = Files.readString(Repo.file("backend/src/main/resources/application.properties")).lines()
                .filter(line -> line.startsWith("quarkus.http.filter.console-csp.header.\"Content-Security-Policy\"="))
                .map(line -> line.substring(line.indexOf('=') + 1)).findFirst().orElseThrow();
        assertThat(nginx).contains("add_header Content-Security-Policy \"" + backendCsp + "\" always;");
        // Every ${VARIABLE} the entrypoint substitutes is set in the image, or the config keeps a literal ${...}.
        String env = String.join(" ", runtime.all("ENV").stream().map(Instruction::arguments).toList());
        Matcher variables = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(nginx);
        while (variables.find()) {
            String variable = variables.group(1);
            if (!variable.equals("NGINX_LOCAL_RESOLVERS")) {
                assertThat(env).as("the frontend image sets " + variable).contains(variable + "=");
            }
        }
        assertThat(env).contains("NGINX_ENTRYPOINT_LOCAL_RESOLVERS=");
    }

    @Test
    void keepsTheBuildContextSmallAndFreeOfSecrets() {
        List<String> ignored = Repo.read(".dockerignore").lines().map(String::trim).toList();
        assertThat(ignored).contains(".env", ".git", "**/node_modules", "**/target", "**/dist", "**/data");
    }

    /** Instructions of a Dockerfile by stage: comments dropped, continuation lines joined. */
    static List<Stage> stages(String dockerfile) {
        List<Stage> stages = new ArrayList<>();
        String[] lines = Repo.read(dockerfile).split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current.isEmpty() && (line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && line.trim().startsWith("#")) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().trim();
            current.setLength(0);
            String keyword = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            String arguments = text.contains(" ") ? text.substring(text.indexOf(' ') + 1) : "";
            if (keyword.equals("FROM")) {
                String[] words = arguments.trim().split("\\s+");
                List<String> nonFlags = new ArrayList<>(List.of(words));
                nonFlags.removeIf(w -> w.startsWith("--"));
                String alias = nonFlags.size() >= 3 && nonFlags.get(1).equalsIgnoreCase("AS") ? nonFlags.get(2) : null;
                stages.add(new Stage(nonFlags.get(0), alias, new ArrayList<>()));
            } else {
                assertThat(stages).as(dockerfile + ":" + start + ": " + keyword + " before FROM").isNotEmpty();
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments, start));
            }
        }
        return stages;
    }
}
