package io.dsm.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifests quarkus-kubernetes writes at package time (target/kubernetes/kubernetes.yml):
 * what an operator applies to run dsm as several replicas on one store. No cluster is needed: the
 * manifests are read, and the probes they name are asked of the packaged app itself.
 */
class KubernetesManifestsIT {

    private static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.yml");
    /** What the manifests take from the Secret, and under which key. */
    private static final Map<String, String> FROM_SECRET = Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url",
            "QUARKUS_DATASOURCE_USERNAME", "db-username",
            "QUARKUS_DATASOURCE_PASSWORD", "db-password",
            "DSM_SECRET_KEY", "secret-key",
            "DSM_ADMIN_PASSWORD", "admin-password");
    /** Where the Deployment mounts the provisioning files and the sources' passwords, and the variable that says so. */
    private static final String PROVISIONING_DIR = "/etc/dsm/provisioning";
    private static final String SECRETS_DIR = "/etc/dsm/secrets";
    /** The example objects an operator applies (or makes their own) beside the generated manifests. */
    private static final Path EXAMPLE_CONFIG_MAP = Path.of("../deploy/kubernetes/dsm-provisioning.yaml");
    private static final Path EXAMPLE_SECRET = Path.of("../deploy/kubernetes/dsm-source-secrets.example.yaml");
    /** A variable that names a secret, not one that names the folder where secrets are (DSM_SECRETS_DIR). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?!.*_DIR$).*(PASSWORD|SECRET|KEY|TOKEN).*");

    private final List<JsonNode> documents = read();

    @Test
    void runAtLeastTwoReplicasWhoseSelectorSurvivesAnUpgrade() {
        JsonNode deployment = one("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        assertThat(selector.has("app.kubernetes.io/version")).as("a version in the (immutable) selector breaks kubectl apply of the next release")
                .isFalse();
        selector.fields().forEachRemaining(label -> assertThat(deployment.at("/spec/template/metadata/labels").path(label.getKey()).asText())
                .as("pods carry selector label " + label.getKey()).isEqualTo(label.getValue().asText()));
        assertThat(container().path("image").asText()).contains("/dsm-backend:");
    }

    @Test
    void probeHealthOnTheHttpPortWithEndpointsTheAppServes(@TempDir Path dir) throws Exception {
        JsonNode container = container();
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        Map<String, String> paths = new HashMap<>();
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).startsWith("/q/health");
            assertThat(get.path("port").asText()).as(probe).isIn("8080", "http");
            paths.put(probe, get.path("path").asText());
        }
        assertThat(paths.get("readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(paths.get("livenessProbe")).isEqualTo("/q/health/live");

        HttpClient http = HttpClient.newHttpClient();
        try (PackagedApp app = PackagedApp.start(dir.resolve("data"), dir.resolve("app.log"), Map.of())) {
            for (Map.Entry<String, String> probe : paths.entrySet()) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + probe.getValue())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(probe.getKey() + " " + probe.getValue() + ": " + answer.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void takeTheStoreTheKeyAndTheAdminPasswordFromASecretAndNothingSecretFromTheManifest() {
        Map<String, JsonNode> env = new HashMap<>();
        container().path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        FROM_SECRET.forEach((name, key) -> {
            JsonNode reference = env.get(name);
            assertThat(reference).as(name + " is set").isNotNull();
            assertThat(reference.has("value")).as(name + " has no literal value").isFalse();
            assertThat(reference.at("/valueFrom/secretKeyRef/name").asText()).as(name).isEqualTo("dsm");
            assertThat(reference.at("/valueFrom/secretKeyRef/key").asText()).as(name).isEqualTo(key);
        });
        env.forEach((name, variable) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(variable.has("value")).as(name + " must come from a Secret").isFalse();
            }
        });
        assertThat(documents).noneMatch(document -> document.path("kind").asText().equals("Secret"));
    }

    @Test
    void mountTheProvisioningFilesFromTheConfigMapReadOnlyWhereDsmProvisioningDirPoints() {
        JsonNode volume = volumeMountedReadOnlyAt(PROVISIONING_DIR);
        assertThat(volume.at("/configMap/name").asText()).isEqualTo("dsm-provisioning");
        assertThat(literalEnv("DSM_PROVISIONING_DIR")).isEqualTo(PROVISIONING_DIR);
    }

    @Test
    void mountTheSourcesPasswordsFromTheSecretReadOnlyWhereDsmSecretsDirPoints() {
        JsonNode volume = volumeMountedReadOnlyAt(SECRETS_DIR);
        assertThat(volume.at("/secret/secretName").asText()).isEqualTo("dsm-source-secrets");
        assertThat(literalEnv("DSM_SECRETS_DIR")).isEqualTo(SECRETS_DIR);
    }

    @Test
    void letThePodStartWhereNeitherTheConfigMapNorTheSecretExists() {
        // A missing optional ConfigMap or Secret is mounted as an empty folder, which dsm starts on
        // (startAndReportNoProvisioningFilesWithEmptyMountedFolders).
        assertThat(volumeMountedReadOnlyAt(PROVISIONING_DIR).at("/configMap/optional").asBoolean()).isTrue();
        assertThat(volumeMountedReadOnlyAt(SECRETS_DIR).at("/secret/optional").asBoolean()).isTrue();
    }

    @Test
    void startAndReportNoProvisioningFilesWithEmptyMountedFolders(@TempDir Path dir) throws Exception {
        Path provisioning = Files.createDirectory(dir.resolve("provisioning"));
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        try (PackagedApp app = PackagedApp.start(dir.resolve("data"), dir.resolve("app.log"),
                Map.of("DSM_PROVISIONING_DIR", provisioning.toString(), "DSM_SECRETS_DIR", secrets.toString()))) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/provisioning"))
                    .header("Authorization", PackagedApp.adminAuthorization()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode status = new ObjectMapper().readTree(answer.body());
            assertThat(status.path("enabled").asBoolean()).isTrue();
            assertThat(status.path("files")).isEmpty();
        }
    }

    @Test
    void letTheImagesUserReadTheMountedFilesThroughItsGroupAndNobodyWriteThem() throws Exception {
        JsonNode pod = one("Deployment").at("/spec/template/spec");
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)\\s*$").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(user.find()).as("backend/Dockerfile has a numeric USER uid:gid").isTrue();
        // The kubelet writes the files as root; only fsGroup makes them the image's group's.
        assertThat(pod.at("/securityContext/fsGroup").asText()).isEqualTo(user.group(2));
        for (JsonNode volume : List.of(volumeMountedReadOnlyAt(PROVISIONING_DIR).path("configMap"),
                volumeMountedReadOnlyAt(SECRETS_DIR).path("secret"))) {
            int mode = volume.path("defaultMode").asInt(-1);
            assertThat(mode & 0040).as("defaultMode %o lets the group read", mode).isEqualTo(0040);
            assertThat(mode & 0222).as("defaultMode %o lets nobody write", mode).isZero();
        }
    }

    @Test
    void comeWithExampleObjectsOfTheNamesTheDeploymentMounts() throws Exception {
        JsonNode configMap = exampleObject(EXAMPLE_CONFIG_MAP, "ConfigMap");
        JsonNode secret = exampleObject(EXAMPLE_SECRET, "Secret");
        assertThat(configMap.at("/metadata/name").asText()).isEqualTo(volumeMountedReadOnlyAt(PROVISIONING_DIR).at("/configMap/name").asText());
        assertThat(secret.at("/metadata/name").asText()).isEqualTo(volumeMountedReadOnlyAt(SECRETS_DIR).at("/secret/secretName").asText());
        // Every file: reference in the example provisioning files names a key of the example Secret.
        List<String> references = new ArrayList<>();
        configMap.path("data").fields().forEachRemaining(file -> {
            assertThat(file.getKey()).as("a provisioning file's name").matches(".+\\.ya?ml");
            try {
                new ObjectMapper(new YAMLFactory()).readTree(file.getValue().asText()).path("dataSources")
                        .forEach(source -> references.add(source.path("passwordRef").asText()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("file:");
            assertThat(secret.path("stringData").has(reference.substring("file:".length()))).as(reference).isTrue();
        });
    }

    @Test
    void commitNoRealPasswordInTheExampleSecret() throws Exception {
        JsonNode secret = exampleObject(EXAMPLE_SECRET, "Secret");
        assertThat(secret.has("data")).as("no base64 data: a committed value is a visible placeholder").isFalse();
        assertThat(secret.path("stringData")).isNotEmpty();
        secret.path("stringData").forEach(value -> assertThat(value.asText()).startsWith("REPLACE-"));
        assertThat(Files.readString(EXAMPLE_SECRET)).contains("EXAMPLE ONLY");
    }

    @Test
    void requestAndLimitCpuAndMemory() {
        JsonNode resources = container().path("resources");
        for (String kind : List.of("requests", "limits")) {
            assertThat(resources.at("/" + kind + "/cpu").asText()).as(kind + ".cpu").isNotEmpty();
            assertThat(resources.at("/" + kind + "/memory").asText()).as(kind + ".memory").isNotEmpty();
        }
        assertThat(mebibytes(resources.at("/limits/memory").asText()))
                .isGreaterThanOrEqualTo(mebibytes(resources.at("/requests/memory").asText()))
                // Half of it is the heap (backend/Dockerfile); dsm runs in 256 MB of heap.
                .isGreaterThanOrEqualTo(512);
    }

    @Test
    void runAsTheImagesNonRootUser() throws Exception {
        JsonNode security = one("Deployment").at("/spec/template/spec/securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?\\s*$").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(user.find()).as("backend/Dockerfile has a numeric USER").isTrue();
        assertThat(security.path("runAsUser").asText()).isEqualTo(user.group(1));
    }

    @Test
    void needNothingButACluster() {
        // No Job with a fixed name (immutable on upgrade), no third-party init image, no CRDs.
        assertThat(documents).extracting(document -> document.path("kind").asText())
                .containsExactlyInAnyOrder("Deployment", "Service");
        JsonNode service = one("Service");
        assertThat(service.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
        assertThat(service.at("/spec/selector")).isEqualTo(one("Deployment").at("/spec/selector/matchLabels"));
        assertThat(one("Deployment").at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
    }

    /** The pod's volume mounted at the path, after checking the mount is read-only. */
    private JsonNode volumeMountedReadOnlyAt(String path) {
        List<JsonNode> mounts = new ArrayList<>();
        container().path("volumeMounts").forEach(mount -> {
            if (mount.path("mountPath").asText().equals(path)) {
                mounts.add(mount);
            }
        });
        assertThat(mounts).as("one volume mounted at " + path).hasSize(1);
        assertThat(mounts.get(0).path("readOnly").asBoolean()).as(path + " is mounted read-only").isTrue();
        String name = mounts.get(0).path("name").asText();
        List<JsonNode> volumes = new ArrayList<>();
        one("Deployment").at("/spec/template/spec/volumes").forEach(volume -> {
            if (volume.path("name").asText().equals(name)) {
                volumes.add(volume);
            }
        });
        assertThat(volumes).as("the pod's volume " + name).hasSize(1);
        return volumes.get(0);
    }

    /** A variable the manifest sets to a literal value (not from a Secret or ConfigMap). */
    private String literalEnv(String name) {
        List<JsonNode> matching = new ArrayList<>();
        container().path("env").forEach(variable -> {
            if (variable.path("name").asText().equals(name)) {
                matching.add(variable);
            }
        });
        assertThat(matching).as(name + " is set once").hasSize(1);
        assertThat(matching.get(0).has("value")).as(name + " has a literal value").isTrue();
        return matching.get(0).path("value").asText();
    }

    private static JsonNode exampleObject(Path file, String kind) throws java.io.IOException {
        JsonNode object = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        assertThat(object.path("apiVersion").asText()).as(file.toString()).isEqualTo("v1");
        assertThat(object.path("kind").asText()).as(file.toString()).isEqualTo(kind);
        return object;
    }

    private JsonNode container() {
        JsonNode containers = one("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private JsonNode one(String kind) {
        List<JsonNode> matching = documents.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as("one " + kind + " in " + MANIFESTS).hasSize(1);
        return matching.get(0);
    }

    private static long mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as(quantity).isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
    }

    private static List<JsonNode> read() {
        assertThat(MANIFESTS).as("written by quarkus-kubernetes in the package phase").exists();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(MANIFESTS.toFile())) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return documents;
    }
}
