package io.dsm.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dsm.testing.TargetServer;

/**
 * The console end to end, as an operator uses it: the packaged app (API and console on one origin,
 * embedded store) and a real PostgreSQL target with a password, driven in Debian's Chromium by the
 * console's own scripts (frontend/e2e).
 */
class ConsoleEndToEndIT {

    private static final Path FRONTEND = Path.of("../frontend");
    private static final Path SCREENSHOTS = FRONTEND.resolve("screenshots/e2e");

    @Test
    void operatorCreatesFindsEditsCopiesTestsAndDeletesADataSource(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(FRONTEND.resolve("node_modules")),
                "frontend/node_modules is missing: run the whole build (./mvnw verify) so the console is installed");
        assertThat(Path.of("target/classes/META-INF/resources/index.html"))
                .as("the packaged app serves the console (frontend/dist)").exists();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
                .as("Chromium for the browser tests (apt-get install -y chromium; .ci/run does this)").exists();

        // A step puts a broken provisioning file here, to read the banner it causes in Chinese.
        Path provisioning = Files.createDirectories(dir.resolve("provisioning"));
        try (TargetServer target = TargetServer.start();
                PackagedApp app = PackagedApp.start(dir.resolve("data"), dir.resolve("app.log"),
                        Map.of("DSM_CONNECT_ALLOW", "127.0.0.0/8,::1/128",
                                "DSM_PROVISIONING_DIR", provisioning.toString()))) {
            Files.createDirectories(SCREENSHOTS);
            Path output = dir.resolve("e2e.log");
            ProcessBuilder e2e = new ProcessBuilder("npm", "run", "--silent", "e2e")
                    .directory(FRONTEND.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = e2e.environment();
            env.put("DSM_URL", app.baseUrl());
            env.put("DSM_USERNAME", "admin");
            env.put("DSM_PASSWORD", PackagedApp.ADMIN_PASSWORD);
            env.put("TARGET_HOST", "127.0.0.1");
            env.put("TARGET_PORT", String.valueOf(target.port()));
            env.put("TARGET_USER", TargetServer.MIGRATOR);
            env.put("TARGET_PASSWORD", TargetServer.MIGRATOR_PASSWORD);
            env.put("TARGET_DB", TargetServer.DATABASE);
            env.put("SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString());
            env.put("DSM_PROVISIONING_DIR", provisioning.toString());
            Process process = e2e.start();
            boolean finished = process.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            // Printed through the test's own output, so the steps and their summary line reach the build log.
            System.out.println(Files.readString(output));
            assertThat(finished).as("the browser tests finished within 10 minutes").isTrue();
            assertThat(process.exitValue()).as("exit code of npm run e2e (its output is above)").isZero();
            assertThat(app.output()).as("the app's log").doesNotContain(TargetServer.MIGRATOR_PASSWORD);
        }
    }
}
