package io.dsm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * docker-compose.yml, checked without a Docker engine: against the Compose schema, and for what the
 * quick start promises (every service healthy before its dependents start, secrets only from .env).
 */
class ComposeFileTest {

    private static final String COMPOSE = "docker-compose.yml";
    /** Environment variable names that hold secrets (DSM_SECRETS_DIR names the folder where they are: a path). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?!.*_DIR$).*(PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL).*");
    /** The folders the backend reads data sources as code from, and the passwords they name. */
    private static final String PROVISIONING = "deploy/provisioning";
    private static final String SECRETS = "deploy/secrets";
    private static final String KUBERNETES_PROVISIONING = "deploy/kubernetes/dsm-provisioning.yaml";
    /** A required variable without a default: ${NAME} or ${NAME:?message} / ${NAME?message}. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+(:?\\?[^}]*)?}");
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private final JsonNode compose = Repo.yaml(COMPOSE);

    @Test
    void followsTheComposeSpecification() throws Exception {
        Set<ValidationMessage> problems = composeSchema().validate(compose);
        assertThat(problems).as("docker-compose.yml against the Compose schema").isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() throws Exception {
        JsonSchema schema = composeSchema();
        JsonNode broken = compose.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("services").get("backend")).put("helthcheck", "typo");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void runsTheStoreTheBackendAndTheConsoleAndADemoSourceUnderItsProfile() {
        assertThat(names(compose.get("services"))).containsExactlyInAnyOrder("postgres", "backend", "frontend", "demo-source");
        assertThat(service("demo-source").get("profiles")).extracting(JsonNode::asText).containsExactly("demo");
        for (String always : List.of("postgres", "backend", "frontend")) {
            assertThat(service(always).has("profiles")).as(always + " runs without a profile").isFalse();
        }
        assertThat(service("backend").at("/build/dockerfile").asText()).isEqualTo("backend/Dockerfile");
        assertThat(service("frontend").at("/build/dockerfile").asText()).isEqualTo("frontend/Dockerfile");
        assertThat(service("backend").at("/build/context").asText()).isEqualTo(".");
        assertThat(service("frontend").at("/build/context").asText()).isEqualTo(".");
        assertThat(Repo.file("backend/Dockerfile")).exists();
        assertThat(Repo.file("frontend/Dockerfile")).exists();
    }

    @Test
    void givesEveryServiceAHealthcheckAndStartsDependentsOnlyWhenHealthy() {
        compose.get("services").fields().forEachRemaining(entry -> {
            JsonNode test = entry.getValue().at("/healthcheck/test");
            assertThat(test.isArray() && test.size() >= 2).as(entry.getKey() + " has a healthcheck command").isTrue();
            assertThat(test.get(0).asText()).as(entry.getKey()).isIn("CMD", "CMD-SHELL");
            assertThat(entry.getValue().at("/healthcheck/disable").asBoolean(false)).isFalse();
            entry.getValue().path("depends_on").fields().forEachRemaining(dependency -> assertThat(
                    dependency.getValue().path("condition").asText())
                    .as(entry.getKey() + " waits for " + dependency.getKey()).isEqualTo("service_healthy"));
        });
        assertThat(service("backend").at("/healthcheck/test/1").asText()).contains("/q/health/ready");
        assertThat(service("postgres").at("/healthcheck/test/1").asText()).contains("pg_isready");
        assertThat(service("demo-source").at("/healthcheck/test/1").asText()).contains("pg_isready");
        assertThat(names(service("backend").get("depends_on"))).containsExactly("postgres");
        assertThat(names(service("frontend").get("depends_on"))).containsExactly("backend");
    }

    @Test
    void keepsTheStoreInANamedVolumeAndPublishesOnlyTheConsole() {
        assertThat(service("postgres").get("volumes")).extracting(JsonNode::asText)
                .containsExactly("dsm-store:/var/lib/postgresql/data");
        assertThat(names(compose.get("volumes"))).contains("dsm-store");
        assertThat(service("frontend").get("ports")).extracting(JsonNode::asText).containsExactly("${DSM_PORT:-8080}:8080");
        assertThat(service("postgres").has("ports")).as("the store is reachable only inside Compose's network").isFalse();
        assertThat(service("backend").has("ports")).as("the backend is reached through the console's proxy").isFalse();
        assertThat(service("demo-source").get("ports")).extracting(JsonNode::asText)
                .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    @Test
    void configuresTheBackendWithTheSettingsItReads() {
        JsonNode env = service("backend").get("environment");
        assertThat(names(env)).contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "DSM_SECRET_KEY", "DSM_ADMIN_PASSWORD");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/dsm");
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME").asText()).isEqualTo(service("postgres").at("/environment/POSTGRES_USER").asText());
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").asText()).isEqualTo(service("postgres").at("/environment/POSTGRES_PASSWORD").asText());
        assertThat(names(env)).as("the address policy must not deny Compose's private network (the demo source)")
                .doesNotContain("DSM_CONNECT_DENY");
        assertThat(service("frontend").at("/environment/DSM_BACKEND_URL").asText()).isEqualTo("http://backend:8080");
        // Behind nginx: the client's address for audit and throttling comes from X-Forwarded-For, trusted from private networks only.
        assertThat(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).isEqualTo("true");
        assertThat(env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText()).isEqualTo("true");
        assertThat(env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText()).isNotBlank();
    }

    @Test
    void takesEverySecretFromTheEnvironmentWithoutADefault() {
        List<String> checked = new ArrayList<>();
        compose.get("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields()
                .forEachRemaining(variable -> {
                    if (SECRET_NAME.matcher(variable.getKey()).matches()) {
                        checked.add(service.getKey() + "." + variable.getKey());
                        assertThat(variable.getValue().asText()).as(service.getKey() + " " + variable.getKey())
                                .matches(REQUIRED_VARIABLE);
                    }
                }));
        assertThat(checked).contains("postgres.POSTGRES_PASSWORD", "backend.QUARKUS_DATASOURCE_PASSWORD", "backend.DSM_SECRET_KEY",
                "backend.DSM_ADMIN_PASSWORD", "demo-source.POSTGRES_PASSWORD", "demo-source.DEMO_MIGRATOR_PASSWORD");
        // Nor anywhere else: no default for a secret variable, no credentials in a URL, nothing key-like.
        String text = Repo.read(COMPOSE);
        Matcher variables = ANY_VARIABLE.matcher(text);
        while (variables.find()) {
            if (SECRET_NAME.matcher(variables.group(1)).matches()) {
                assertThat(variables.group(2)).as("${" + variables.group(1) + "} has no default").isNotEqualTo(":-").isNotEqualTo("-");
            }
        }
        assertThat(text).doesNotContainPattern("://[^/\\s:@]+:[^/\\s@]+@")
                .doesNotContainPattern("[A-Za-z0-9+/]{43}=")
                .doesNotContainPattern("(?i)password=");
    }

    @Test
    void documentsEveryVariableInTheCommittedExampleAndIgnoresTheRealFile() {
        Map<String, String> example = new LinkedHashMap<>();
        Set<String> optional = new TreeSet<>();
        for (String line : Repo.read(".env.example").split("\n")) {
            Matcher set = Pattern.compile("^([A-Z0-9_]+)=(.*)$").matcher(line);
            Matcher commented = Pattern.compile("^#([A-Z0-9_]+)=.*$").matcher(line);
            if (set.matches()) {
                example.put(set.group(1), set.group(2));
            } else if (commented.matches()) {
                optional.add(commented.group(1));
            }
        }
        Matcher variables = ANY_VARIABLE.matcher(Repo.read(COMPOSE));
        while (variables.find()) {
            String name = variables.group(1);
            boolean required = variables.group(2) == null || variables.group(2).contains("?");
            if (required) {
                assertThat(example).as(".env.example sets " + name).containsKey(name);
            } else {
                assertThat(optional).as(".env.example mentions " + name + " (commented out, with its default)").contains(name);
            }
        }
        example.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value).as(".env.example commits no value for " + name).isEmpty();
            }
        });
        assertThat(Repo.read(".env.example")).contains("openssl rand -base64 32");
        assertThat(Repo.read(".gitignore").lines()).contains(".env");
        assertThat(Repo.read(".dockerignore").lines()).contains(".env", "**/node_modules", "**/target");
    }

    @Test
    void setsUpTheDemoSourceWithoutAPasswordInTheScript() {
        JsonNode demo = service("demo-source");
        assertThat(demo.get("command")).extracting(JsonNode::asText).contains("wal_level=logical");
        String mount = demo.get("volumes").get(0).asText();
        String script = mount.substring(0, mount.indexOf(':'));
        assertThat(mount).contains(":/docker-entrypoint-initdb.d/").endsWith(":ro");
        String sql = Repo.read(script.replaceFirst("^\\./", ""));
        assertThat(sql).contains("\\getenv migrator_password DEMO_MIGRATOR_PASSWORD")
                .contains("PASSWORD :'migrator_password'")
                .doesNotContainPattern("PASSWORD\\s+'")
                .contains("CREATE DATABASE orders", "CREATE SCHEMA sales", "REPLICATION");
    }

    @Test
    void mountsTheProvisioningAndSecretsFoldersReadOnlyWhereTheBackendLooks() {
        Map<String, String> readOnly = new LinkedHashMap<>();
        service("backend").path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            if (parts.length == 3 && parts[2].equals("ro")) {
                readOnly.put(parts[1], parts[0]);
            }
        });
        JsonNode env = service("backend").get("environment");
        assertThat(readOnly).containsEntry(env.path("DSM_PROVISIONING_DIR").asText(), "./" + PROVISIONING)
                .containsEntry(env.path("DSM_SECRETS_DIR").asText(), "./" + SECRETS);
        assertThat(env.path("DSM_PROVISIONING_DIR").asText()).isEqualTo("/etc/dsm/provisioning");
        assertThat(env.path("DSM_SECRETS_DIR").asText()).isEqualTo("/etc/dsm/secrets");
        // Committed, so that Docker does not create them (as root) where they are missing.
        assertThat(Repo.file(PROVISIONING)).isDirectory();
        assertThat(Repo.file(SECRETS)).isDirectory();
    }

    @Test
    void ignoresEverythingInTheSecretsFolderButItsReadme() {
        List<String> rules = Repo.read(SECRETS + "/.gitignore").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size())).allSatisfy(rule -> assertThat(rule).isIn("!.gitignore", "!README.md", "!.gitkeep"));
        assertThat(Repo.file(SECRETS + "/README.md")).exists();
    }

    /** git itself, where it is installed and the tests run in a checkout: a password file there is never added. */
    @Test
    void gitIgnoresAPasswordFileInTheSecretsFolder() throws Exception {
        Path git = onPath("git");
        assumeTrue(git != null && Files.exists(Repo.file(".git")), "not a git checkout with git installed");
        String password = demoSource().path("passwordRef").asText().substring("file:".length());
        assertThat(gitCheckIgnore(git, SECRETS + "/" + password)).as(password + " is ignored").isZero();
        assertThat(gitCheckIgnore(git, SECRETS + "/README.md")).as("the README is committed").isEqualTo(1);
    }

    @Test
    void declaresTheDemoSourceWithItsPasswordInTheSecretsFolder() {
        JsonNode source = demoSource();
        JsonNode demo = service("demo-source");
        String containerPort = demo.get("ports").get(0).asText().replaceFirst(".*:", "");
        assertThat(source.path("port").asText()).isEqualTo(containerPort);
        String mount = demo.get("volumes").get(0).asText();
        String sql = Repo.read(mount.substring(0, mount.indexOf(':')).replaceFirst("^\\./", ""));
        assertThat(sql).contains("CREATE DATABASE " + source.path("databaseName").asText() + ";",
                "CREATE ROLE " + source.path("username").asText() + " LOGIN", "CREATE SCHEMA " + source.path("schemaName").asText() + ";");
        // The password: no value in the file, a file under deploy/secrets made from the demo's .env variable.
        assertThat(source.has("password")).isFalse();
        String reference = source.path("passwordRef").asText();
        assertThat(reference).startsWith("file:").doesNotContain("/");
        assertThat(demo.at("/environment/DEMO_MIGRATOR_PASSWORD").isMissingNode()).isFalse();
        assertThat(Repo.read(SECRETS + "/README.md")).contains("DEMO_MIGRATOR_PASSWORD", SECRETS + "/" + reference.substring("file:".length()));
    }

    @Test
    void writesEveryExampleProvisioningFileWithTheApisFieldsAndNoPassword() throws Exception {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (var entries = Files.list(Repo.file(PROVISIONING))) {
            entries.filter(file -> file.getFileName().toString().matches(".+\\.ya?ml"))
                    .forEach(file -> files.put(Repo.ROOT.relativize(file).toString(), Repo.yaml(Repo.ROOT.relativize(file).toString())));
        }
        Repo.yaml(KUBERNETES_PROVISIONING).path("data").fields().forEachRemaining(file -> {
            try {
                files.put(KUBERNETES_PROVISIONING + " " + file.getKey(), Repo.YAML.readTree(file.getValue().asText()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        JsonSchema input = dataSourceInputSchema();
        Set<String> fields = new TreeSet<>(names(Repo.JSON.readTree(Repo.file("api/openapi.json").toFile())
                .at("/components/schemas/DataSourceInput/properties")));
        files.forEach((name, file) -> {
            assertThat(names(file)).as(name).containsExactly("apiVersion", "prune", "dataSources");
            assertThat(file.path("apiVersion").asText()).as(name).isEqualTo("dsm/v1");
            assertThat(file.path("prune").isBoolean()).as(name + ": prune is true or false").isTrue();
            assertThat(file.path("dataSources")).as(name).isNotEmpty();
            file.path("dataSources").forEach(source -> {
                assertThat(input.validate(source)).as(name + " " + source.path("identifier").asText() + " is a DataSourceInput").isEmpty();
                assertThat(fields).as(name + ": the API's fields").containsAll(names(source));
                assertThat(names(source)).as(name + ": a reference, never a password; the file is the version")
                        .doesNotContain("password", "version").contains("passwordRef");
            });
        });
    }

    /** docker-compose config, where Debian's docker-compose is installed (no engine needed): interpolation included. */
    @Test
    void passesDockerComposeConfigWhereItIsInstalled(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path executable = onPath("docker-compose");
        assumeTrue(executable != null, "docker-compose is not installed (apt-get install docker-compose)");
        Path log = dir.resolve("config.log");
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-f", Repo.file(COMPOSE).toString(),
                "--profile", "demo", "config", "-q")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DSM_") || name.startsWith("DEMO_"));
        builder.environment().putAll(Map.of("DSM_SECRET_KEY", "k", "DSM_DB_PASSWORD", "p", "DSM_ADMIN_PASSWORD", "a",
                "DEMO_SUPERUSER_PASSWORD", "s", "DEMO_MIGRATOR_PASSWORD", "m"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();

        // Without the secrets, Compose refuses and names the one that is missing.
        builder.environment().remove("DSM_SECRET_KEY");
        Process missing = builder.start();
        assertThat(missing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("DSM_SECRET_KEY");
    }

    /** The vendored schema (see src/test/resources/delivery/README.md), read as draft 4 like docker-compose 1.29 does, looking nothing up. */
    private static JsonSchema composeSchema() throws java.io.IOException {
        JsonNode document = Repo.JSON.readTree(ComposeFileTest.class.getResourceAsStream("/delivery/compose-spec.json"));
        // Its ids are relative names ("compose_spec.json", "#/properties/services") that resolve against
        // nothing here; its $refs are plain JSON pointers from the root, so the ids can go.
        removeIds(document);
        ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove("$schema");
        // Compose's formats are its own ("duration" is Go's 1m30s, not ISO 8601's PT1M30S): like docker-compose,
        // validate the structure and leave formats to Compose.
        com.networknt.schema.SchemaValidatorsConfig config = com.networknt.schema.SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(false).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(document, config);
    }

    private static void removeIds(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
        }
        node.forEach(ComposeFileTest::removeIds);
    }

    /** DataSourceInput of the committed OpenAPI document, the fields a provisioning file's data source has. */
    private static JsonSchema dataSourceInputSchema() throws java.io.IOException {
        // The OpenAPI schemas as a JSON Schema's $defs (components is no keyword of JSON Schema), their $refs to match.
        String openApi = Repo.read("api/openapi.json").replace("\"#/components/schemas/", "\"#/$defs/");
        com.fasterxml.jackson.databind.node.ObjectNode document = Repo.JSON.createObjectNode();
        document.put("$ref", "#/$defs/DataSourceInput");
        document.set("$defs", Repo.JSON.readTree(openApi).at("/components/schemas"));
        com.networknt.schema.SchemaValidatorsConfig config = com.networknt.schema.SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(false).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
    }

    /** The data source deploy/provisioning/demo.yaml declares on the demo profile's source. */
    private static JsonNode demoSource() {
        List<JsonNode> sources = new ArrayList<>();
        Repo.yaml(PROVISIONING + "/demo.yaml").path("dataSources").forEach(source -> {
            if (source.path("host").asText().equals("demo-source")) {
                sources.add(source);
            }
        });
        assertThat(sources).as("a data source on the service demo-source").hasSize(1);
        return sources.get(0);
    }

    private static int gitCheckIgnore(Path git, String path) throws Exception {
        Process process = new ProcessBuilder(git.toString(), "check-ignore", "-q", "--no-index", path).directory(Repo.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private JsonNode service(String name) {
        JsonNode service = compose.get("services").get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null) {
            object.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static Path onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
