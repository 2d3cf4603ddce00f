package io.dsm.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at the embedded store when no external database is configured. It runs
 * while the application's runtime configuration is built, so the store is up before the
 * datasource, Flyway and Hibernate start; during the build, and whenever
 * {@code quarkus.datasource.jdbc.url} is set, it starts nothing.
 */
public class EmbeddedStoreConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT || isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("dsm.data-dir");
        Path dir = Path.of(isSet(dataDir) ? dataDir.getValue() : "./data");
        EmbeddedStore.Login login = EmbeddedStore.start(dir);
        // The password reaches the datasource through this source only; nothing logs a config source's values.
        // Above environment variables and system properties: without a URL, a username or password set
        // there has no server it could belong to, and only these sign in to the embedded store.
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, login.jdbcUrl(),
                "quarkus.datasource.username", login.username(),
                "quarkus.datasource.password", login.password()), "dsm-embedded-store", 500));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
