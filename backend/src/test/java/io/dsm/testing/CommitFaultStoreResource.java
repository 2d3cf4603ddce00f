package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A store of its own, reached through a {@link CommitCuttingProxy} that a test arms. */
public class CommitFaultStoreResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private static CommitCuttingProxy proxy;

    /** Statements stay unnamed, so that the proxy can read every COMMIT as text. */
    @Override
    public Map<String, String> start() {
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        proxy = new CommitCuttingProxy(server.getPort());
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.port() + "/postgres?prepareThreshold=0",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    public static CommitCuttingProxy proxy() {
        return proxy;
    }

    @Override
    public void stop() {
        try {
            proxy.close();
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
