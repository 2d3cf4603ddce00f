package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests: a Testcontainers container where a Docker engine answers (CI on
 * GitHub), an embedded server from jars everywhere else. {@code DSM_TEST_DATABASE=embedded} or
 * {@code =testcontainers} forces one.
 */
public final class TestDatabase implements AutoCloseable {

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final AutoCloseable server;

    private TestDatabase(String jdbcUrl, String username, String password, AutoCloseable server) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.server = server;
    }

    public static TestDatabase start() {
        String choice = System.getenv().getOrDefault("DSM_TEST_DATABASE", "auto");
        boolean docker = switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            default -> dockerAvailable();
        };
        return docker ? container() : embedded();
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers where there is no engine logs an alarming error; look for one first.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestDatabase container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
        container.start();
        return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop);
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            // zonky's getJdbcUrl appends ?user=, which would override the user given to the driver.
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            return new TestDatabase(url, "postgres", "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("The test database did not stop", e);
        }
    }
}
