package io.dsm.packaged;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application (target/quarkus-app) run as an operator runs it: java -jar, in its own process. */
final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The first admin's password, unless a test starts the app with DSM_ADMIN_PASSWORD of its own (blank: none). */
    static final String ADMIN_PASSWORD = "it-Admin-pw-9d3e71";

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app with the embedded default store in {@code dataDir} and waits until it is ready. */
    static PackagedApp start(Path dataDir, Path log, Map<String, String> environment) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("DSM_"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("DSM_DATA_DIR", dataDir.toString());
        env.put("DSM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(environment);
        PackagedApp app = new PackagedApp(builder.start(), port, log);
        try {
            // Generous: a loaded two-core runner has taken over a minute to start two instances at once.
            app.awaitReady(Duration.ofSeconds(120));
        } catch (RuntimeException e) {
            // Left running, an app that started too slowly outlives the test and loads the rest of the build.
            app.process.destroyForcibly();
            throw e;
        }
        return app;
    }

    /** The Authorization header of the first admin. */
    static String adminAuthorization() {
        return basic("admin", ADMIN_PASSWORD);
    }

    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops it the way a service manager does (SIGTERM) and waits for the exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The app did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Ends it without a word (SIGKILL), as a crash or an evicted pod would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The name this instance writes heartbeats under, from its startup log. */
    /** The name this instance signs its readiness-watch claims with (readiness_watch.checked_by). */
    String watchInstance() throws IOException {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Readiness watch (\\S+) started").matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException("The app did not log its readiness watch:\n" + output());
        }
        return matcher.group(1);
    }

    String heartbeatWriter() throws IOException {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Heartbeat writer (\\S+) started").matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException("The app did not log its heartbeat writer:\n" + output());
        }
        return "dsm heartbeat " + matcher.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited during startup:\n" + output());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The app was not ready within " + timeout + ":\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
